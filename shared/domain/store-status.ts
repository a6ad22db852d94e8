import { z } from 'zod';

/** Whether the profile store can be read, and if not, why and what to do (one paragraph, shown once). */
export const StoreStatusSchema = z.object({
  /** unreadable: damaged, or its key is gone from the keychain; newer: written by a newer Roledeck. */
  state: z.enum(['ok', 'unreadable', 'newer']),
  /** Where the store lives, to show people (a file path; "memory" in tests). */
  location: z.string(),
  /** What happened and what to do; empty when the store is fine. */
  message: z.string(),
  /** How many profiles Start over would leave behind; only when the store can be read. */
  profiles: z.number().int().nonnegative().optional(),
});
export type StoreStatus = z.infer<typeof StoreStatusSchema>;

/** What Start over did: the old file was moved to `setAsideAs` (null when there was none). */
export const StoreResetResultSchema = z.object({
  location: z.string(),
  setAsideAs: z.string().nullable(),
});
export type StoreResetResult = z.infer<typeof StoreResetResultSchema>;
