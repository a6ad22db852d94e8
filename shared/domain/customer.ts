import { z } from 'zod';
import { OnboardingStatusSchema } from './onboarding';
import { ColorSchema } from './profile';

/**
 * A customer: the organisation whose AWS accounts a consultant works in. Profiles belong to a
 * customer through their label (compared without case), so a customer's name is a label.
 */

export const CustomerIdSchema = z.string().max(64, 'Not a customer id').regex(/^[a-z0-9-]{8,64}$/, 'Not a customer id');

/** As long as a profile label may be: a customer's name is the label its profiles carry. */
export const CustomerNameSchema = z
  .string()
  .trim()
  .min(1, 'A customer name is 1–80 characters')
  .max(80, 'A customer name is 1–80 characters');

export const CustomerNotesSchema = z.string().max(2000, 'Notes are at most 2,000 characters');

export const CustomerSchema = z.object({
  id: CustomerIdSchema,
  name: CustomerNameSchema,
  /** Carried wherever the customer appears (accounts list, title bar, tray, palette). */
  color: ColorSchema.optional(),
  /** Production accounts: deploys and other changes there ask for a deliberate confirmation. */
  production: z.boolean(),
  /** Where the customer's setup stands (invited → role-created → verified): kept here only, see onboarding.ts. */
  onboarding: OnboardingStatusSchema,
  /** When "Test access" last succeeded for the customer's role (ms since the epoch). */
  lastVerifiedAt: z.number().int().nonnegative().optional(),
  notes: CustomerNotesSchema.optional(),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
export type Customer = z.infer<typeof CustomerSchema>;

/**
 * What `customers.save` takes: an id updates that customer (or saves one derived from profile
 * labels under its id); no id creates one. Renaming a customer relabels its profiles.
 */
export const CustomerInputSchema = z
  .object({
    id: CustomerIdSchema.optional(),
    name: CustomerNameSchema,
    /** null removes the colour. */
    color: ColorSchema.nullable().optional(),
    production: z.boolean(),
    onboarding: OnboardingStatusSchema,
    lastVerifiedAt: z.number().int().nonnegative().nullable().optional(),
    notes: CustomerNotesSchema.nullable().optional(),
  })
  .strict();
export type CustomerInput = z.input<typeof CustomerInputSchema>;
export type ParsedCustomerInput = z.output<typeof CustomerInputSchema>;
