import { z } from 'zod';

/**
 * A CloudFront signing key as the profile store keeps it: metadata only. The private key lives
 * in the keychain under `cloudfrontKeyItem(id)` (shared/domain/keychain-items); the public half is not secret and is kept
 * here, so a key can be exported and a signed URL checked while the keychain is locked.
 */

/** The ID CloudFront gives the public key (key groups: K…; legacy key pairs: APKA…), sent as Key-Pair-Id. */
export const CloudFrontKeyPairIdSchema = z
  .string()
  .max(40, 'A CloudFront key ID is 8–40 capital letters and digits, like K2JCJMDEHXQW5F')
  .regex(/^[A-Z0-9]{8,40}$/, 'A CloudFront key ID is 8–40 capital letters and digits, like K2JCJMDEHXQW5F');
export type CloudFrontKeyPairId = z.infer<typeof CloudFrontKeyPairIdSchema>;

/** Roledeck's own id for a stored key: a generated key has no CloudFront ID until it is uploaded. */
export const CloudFrontKeyIdSchema = z.string().max(64, 'Not a CloudFront key id').regex(/^[a-z0-9-]{8,64}$/, 'Not a CloudFront key id');

const LabelSchema = z.string().trim().min(1, 'A label is 1–80 characters').max(80, 'A label is 1–80 characters');
/** The customer the key belongs to, as profiles name it (their label). */
const CustomerSchema = z.string().trim().max(80, 'A customer name is at most 80 characters');

export const CloudFrontKeySchema = z.object({
  id: CloudFrontKeyIdSchema,
  keyPairId: CloudFrontKeyPairIdSchema.optional(),
  label: LabelSchema,
  customer: CustomerSchema.optional(),
  /** SHA-256 of the public key (DER SubjectPublicKeyInfo), base64, written like ssh-keygen's: `SHA256:…`. */
  fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'Not a SHA-256 fingerprint'),
  /** SPKI PEM, what CloudFront's CreatePublicKey takes as EncodedKey. */
  publicKeyPem: z.string().startsWith('-----BEGIN PUBLIC KEY-----').max(4096),
  origin: z.enum(['imported', 'generated']),
  createdAt: z.number().int().nonnegative(),
  lastUsedAt: z.number().int().nonnegative().optional(),
});
export type CloudFrontKey = z.infer<typeof CloudFrontKeySchema>;

/** The list as stored: ids and CloudFront key IDs are what signing looks keys up by, so each is unique. */
export const CloudFrontKeysSchema = z.array(CloudFrontKeySchema).superRefine((keys, context) => {
  const ids = new Set<string>();
  const keyPairIds = new Set<string>();
  keys.forEach((key, index) => {
    if (ids.has(key.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: 'Two CloudFront keys have the same id' });
    if (key.keyPairId && keyPairIds.has(key.keyPairId)) {
      context.addIssue({ code: 'custom', path: [index, 'keyPairId'], message: `Two CloudFront keys have the key ID ${key.keyPairId}` });
    }
    ids.add(key.id);
    if (key.keyPairId) keyPairIds.add(key.keyPairId);
  });
});

/** A private key pasted as PEM text, or read from a PEM file by the Node side (never by the renderer). */
export const ImportCloudFrontKeyInputSchema = z
  .object({
    keyPairId: CloudFrontKeyPairIdSchema.optional(),
    pem: z.string().max(16384, 'That is far longer than a private key PEM').optional(),
    file: z.string().min(1).max(4096).optional(),
    passphrase: z.string().max(1024).optional(),
    label: LabelSchema.optional(),
    customer: CustomerSchema.optional(),
  })
  .refine((input) => (input.pem === undefined) !== (input.file === undefined), 'Give either the PEM text or a file, not both');
export type ImportCloudFrontKeyInput = z.infer<typeof ImportCloudFrontKeyInputSchema>;

export const GenerateCloudFrontKeyInputSchema = z.object({
  label: LabelSchema.optional(),
  customer: CustomerSchema.optional(),
  keyPairId: CloudFrontKeyPairIdSchema.optional(),
});
export type GenerateCloudFrontKeyInput = z.infer<typeof GenerateCloudFrontKeyInputSchema>;

/** Label, customer (empty string clears it) and CloudFront key ID (set once the public key is uploaded). */
export const UpdateCloudFrontKeyInputSchema = z.object({
  id: CloudFrontKeyIdSchema,
  label: LabelSchema.optional(),
  customer: CustomerSchema.optional(),
  keyPairId: CloudFrontKeyPairIdSchema.optional(),
});
export type UpdateCloudFrontKeyInput = z.infer<typeof UpdateCloudFrontKeyInputSchema>;
