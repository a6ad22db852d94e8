import { json } from './catalog-options';
import type { CommandSpec } from './command-spec';

/** `roledeck cloudfront …`, declared apart from commands.catalog.ts to keep each file about one thing. */

const keyName = { name: 'key', description: 'The stored key: its name (label), its CloudFront key ID (K…), or its Roledeck id.' } as const;
const policyOptions = {
  expires: { type: 'string', value: 'time|duration', description: 'When access ends: 2h, 30m, 7d, an ISO time with a zone, or epoch seconds. Default: 1h.' },
  'not-before': { type: 'string', value: 'time', description: 'When access starts (forces a custom policy).' },
  ip: { type: 'string', value: 'cidr', description: 'The viewer IPv4 address or range allowed (forces a custom policy).' },
  resource: { type: 'string', value: 'pattern', description: 'What the policy covers when it is not the URL itself, e.g. https://d111111abcdef8.cloudfront.net/videos/*.' },
  json,
} as const;

export const CLOUDFRONT_KEYS = {
  name: 'cloudfront keys',
  summary: 'Lists the stored CloudFront signing keys (private halves stay in the OS keychain).',
  options: { json },
  examples: [{ command: 'roledeck cloudfront keys', says: 'Name, CloudFront key ID, fingerprint and customer of each key.' }],
} as const satisfies CommandSpec;

export const CLOUDFRONT_IMPORT = {
  name: 'cloudfront import',
  summary: 'Stores a CloudFront private key (RSA 2048 PEM) in the OS keychain.',
  details: ['The PEM is read from --file, or from stdin. An encrypted key asks for its passphrase (hidden) on a terminal; it is stored decrypted in the keychain.'],
  positionals: [{ name: 'name', description: 'What to call the key.' }],
  options: {
    'key-id': { type: 'string', value: 'id', required: true, description: 'The ID CloudFront gave the public key (K…), sent as Key-Pair-Id.' },
    file: { type: 'string', value: 'pem', description: 'The private key file; without it the PEM is read from stdin.' },
    json,
  },
  examples: [{ command: 'roledeck cloudfront import acme-media --key-id K2JCJMDEHXQW5F --file private_key.pem', says: 'Stores the key; then `roledeck cloudfront sign acme-media …`.' }],
} as const satisfies CommandSpec;

export const CLOUDFRONT_GENERATE = {
  name: 'cloudfront generate',
  summary: 'Generates an RSA 2048 key pair: the private half into the keychain, the public key printed.',
  details: [
    'With --profile the public key is uploaded to CloudFront with that profile’s session and the key ID CloudFront gives it is stored; with --key-group too, it is added to that key group (created if missing) and the distributions that trust it are named.',
    'Trusted key groups replace the root user’s CloudFront key pairs: any IAM principal allowed to can manage them, no root credentials needed.',
  ],
  positionals: [{ name: 'name', description: 'What to call the key.' }],
  options: {
    profile: { type: 'string', value: 'profile', completes: 'profile', description: 'Uploads the public key with this profile’s session.' },
    'key-group': { type: 'string', value: 'name', description: 'With --profile: the key group to add the key to (created if missing).' },
    json,
  },
  examples: [
    { command: 'roledeck cloudfront generate acme-media > acme-media.pub.pem', says: 'The public key to upload yourself.' },
    { command: 'roledeck cloudfront generate acme-media --profile acme-prod --key-group acme-signers', says: 'Generates, uploads and trusts it in one go.' },
  ],
} as const satisfies CommandSpec;

export const CLOUDFRONT_EXPORT_PUBLIC = {
  name: 'cloudfront export-public',
  summary: 'Prints a stored key’s public key (PEM), what CloudFront’s “Create public key” takes.',
  positionals: [keyName],
  examples: [{ command: 'roledeck cloudfront export-public acme-media', says: 'The SPKI PEM.' }],
} as const satisfies CommandSpec;

export const CLOUDFRONT_REMOVE = {
  name: 'cloudfront remove',
  summary: 'Removes a stored key from the keychain and the profile store.',
  positionals: [keyName],
  examples: [{ command: 'roledeck cloudfront remove acme-media', says: 'URLs already signed with it stay valid until they expire.' }],
} as const satisfies CommandSpec;

export const CLOUDFRONT_SIGN = {
  name: 'cloudfront sign',
  summary: 'Signs CloudFront URLs with a stored key, one per line.',
  details: ['Give - as the URL to read URLs from stdin, one a line; all are signed with one policy.'],
  positionals: [keyName, { name: 'url', description: 'The URL to sign, or - for stdin.', variadic: true }],
  options: policyOptions,
  examples: [
    { command: 'roledeck cloudfront sign acme-media https://d111111abcdef8.cloudfront.net/movie.mp4 --expires 2h', says: 'A URL valid for two hours.' },
    { command: 'cat urls.txt | roledeck cloudfront sign acme-media - --expires 7d', says: 'Many URLs at once.' },
  ],
} as const satisfies CommandSpec;

export const CLOUDFRONT_SIGN_COOKIES = {
  name: 'cloudfront sign-cookies',
  summary: 'Signed cookies for a URL or a pattern (with --resource), with a curl line to try them.',
  positionals: [keyName, { name: 'url-or-pattern', description: 'The URL to fetch, or a pattern with * (then it is also the resource).' }],
  options: policyOptions,
  examples: [{ command: "roledeck cloudfront sign-cookies acme-media 'https://d111111abcdef8.cloudfront.net/videos/*' --expires 1d", says: 'Cookies for everything under /videos/.' }],
} as const satisfies CommandSpec;

export const CLOUDFRONT_VERIFY = {
  name: 'cloudfront verify',
  summary: 'Says whether CloudFront would accept a signed URL, and why not: exit 0 valid, 1 invalid.',
  positionals: [{ name: 'signed-url', description: 'The signed URL.' }],
  options: { key: { type: 'string', value: 'name', description: 'Require the signature to be from this stored key.' }, json },
  examples: [{ command: "roledeck cloudfront verify 'https://d111111abcdef8.cloudfront.net/movie.mp4?Expires=…'", says: 'Valid, or expired, tampered, signed with another key …' }],
} as const satisfies CommandSpec;

export const CLOUDFRONT = {
  name: 'cloudfront',
  summary: 'CloudFront signing keys, signed URLs and cookies, and checking signed URLs.',
  subcommands: [CLOUDFRONT_KEYS, CLOUDFRONT_IMPORT, CLOUDFRONT_GENERATE, CLOUDFRONT_EXPORT_PUBLIC, CLOUDFRONT_REMOVE, CLOUDFRONT_SIGN, CLOUDFRONT_SIGN_COOKIES, CLOUDFRONT_VERIFY],
} as const satisfies CommandSpec;
