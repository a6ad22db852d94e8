import { z } from 'zod';

export const KeychainBackendSchema = z.enum([
  'secret-service',
  'macos-keychain',
  'windows-credential-manager',
  'memory',
]);
export type KeychainBackend = z.infer<typeof KeychainBackendSchema>;

export const KeychainStateSchema = z.enum(['ready', 'locked', 'unavailable']);
export type KeychainState = z.infer<typeof KeychainStateSchema>;

export const KeychainStatusSchema = z.object({
  backend: KeychainBackendSchema,
  state: KeychainStateSchema,
  /** One sentence a person can act on; empty when ready. */
  message: z.string(),
  /** What to do about it on this platform (shared/logic/keychain-help); absent when ready. */
  fix: z.string().optional(),
});
export type KeychainStatus = z.infer<typeof KeychainStatusSchema>;
