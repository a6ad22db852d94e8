import { RoledeckError } from '../../../shared/contract/errors';
import type { CloudFrontKey } from '../../../shared/domain/cloudfront-key';
import type { CloudFrontServices } from '../../node/cloudfront/cloudfront.factory';
import { CloudFrontKeyError } from '../../node/cloudfront/pem-key';
import type { CliContext } from '../context';
import { UsageError } from '../errors';
import {
  CLOUDFRONT,
  CLOUDFRONT_EXPORT_PUBLIC,
  CLOUDFRONT_GENERATE,
  CLOUDFRONT_IMPORT,
  CLOUDFRONT_KEYS,
  CLOUDFRONT_REMOVE,
  CLOUDFRONT_SIGN,
  CLOUDFRONT_SIGN_COOKIES,
  CLOUDFRONT_VERIFY,
} from '../usage/cloudfront.catalog';
import { leafName } from '../usage/command-spec';
import { parseCommand } from '../usage/parse-command';

/** A CloudFront-signed link is short-lived by habit; an hour is what people usually ask for. */
const DEFAULT_EXPIRES = '1h';

/** A key by its label (what `import <name>` called it), its CloudFront key ID, or its Roledeck id. */
async function findKey(cloudfront: CloudFrontServices, name: string): Promise<CloudFrontKey> {
  const keys = await cloudfront.keys.list();
  const found = keys.find((key) => key.id === name || key.keyPairId === name) ?? keys.filter((key) => key.label === name);
  if (!Array.isArray(found)) return found;
  if (found.length === 1 && found[0]) return found[0];
  if (found.length > 1) throw new RoledeckError('CONFLICT', `${found.length} keys are named "${name}". Name one by its CloudFront key ID instead (roledeck cloudfront keys).`);
  throw new RoledeckError('NOT_FOUND', `No CloudFront key is named "${name}". See the stored keys with: roledeck cloudfront keys`);
}

function keyLine(key: CloudFrontKey): string {
  return `${key.label}\t${key.keyPairId ?? '(no key ID yet)'}\t${key.fingerprint}\t${key.customer ?? ''}`.trimEnd();
}

async function importKey(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(CLOUDFRONT_IMPORT, args);
  const { io } = context;
  const cloudfront = await context.cloudfront();
  const source = values.file !== undefined ? { file: values.file } : { pem: await io.readStdin() };
  const base = { ...source, label: positionals[0] ?? '', keyPairId: values['key-id'] ?? '' };
  let key: CloudFrontKey;
  try {
    key = await cloudfront.keys.importKey(base);
  } catch (error) {
    // The PEM came from stdin unless --file: then stdin is no longer a terminal to ask on.
    const canAsk = io.stdinIsTty && values.file !== undefined;
    if (!(error instanceof CloudFrontKeyError) || error.problem !== 'passphrase-required') throw error;
    if (!canAsk) throw new RoledeckError('VALIDATION', 'The key is encrypted. Run the import on a terminal with --file, so the passphrase can be asked for (hidden).');
    const passphrase = await io.promptHidden('Passphrase of the private key: ');
    key = await cloudfront.keys.importKey({ ...base, passphrase });
  }
  if (values.json) io.stdout(`${JSON.stringify(key, null, 2)}\n`);
  else io.stdout(`Stored "${key.label}" (${key.keyPairId ?? 'no key ID'}, ${key.fingerprint}); the private key is in the OS keychain.\n`);
  return 0;
}

async function generate(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(CLOUDFRONT_GENERATE, args);
  const { io } = context;
  if (values['key-group'] !== undefined && values.profile === undefined) throw new UsageError('--key-group needs --profile: the key is uploaded with that profile’s session', CLOUDFRONT_GENERATE.name);
  const generated = await (await context.cloudfront()).keys.generateKey({ label: positionals[0] ?? '' });
  io.stderr(`Generated "${generated.label}" (${generated.fingerprint}); the private key is in the OS keychain.\n`);
  if (values.profile === undefined) {
    if (values.json) io.stdout(`${JSON.stringify(generated, null, 2)}\n`);
    else io.stdout(generated.publicKeyPem.endsWith('\n') ? generated.publicKeyPem : `${generated.publicKeyPem}\n`);
    io.stderr('Upload the public key to CloudFront (or run again with --profile), then use its key ID.\n');
    return 0;
  }
  const upload = await context.cloudfrontUpload();
  const result = await upload.upload({ id: generated.id, profile: values.profile, ...(values['key-group'] !== undefined ? { keyGroup: values['key-group'] } : {}) });
  if (values.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  io.stdout(`Uploaded as ${result.key.keyPairId ?? '?'}.\n`);
  if (result.keyGroup) io.stdout(`In key group ${result.keyGroup.name} (${result.keyGroup.id}).\n`);
  if (result.keyGroup && result.distributions.length === 0) io.stdout('No distribution trusts that key group yet: add it to a cache behaviour’s trusted key groups.\n');
  for (const distribution of result.distributions) io.stdout(`Trusted by ${distribution.id} (${distribution.domainName}).\n`);
  return 0;
}

function policyInput(values: { expires?: string; 'not-before'?: string; ip?: string; resource?: string }) {
  return {
    expires: values.expires ?? DEFAULT_EXPIRES,
    ...(values['not-before'] !== undefined ? { notBefore: values['not-before'] } : {}),
    ...(values.ip !== undefined ? { ipRange: values.ip } : {}),
    ...(values.resource !== undefined ? { resource: values.resource } : {}),
  };
}

async function sign(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(CLOUDFRONT_SIGN, args);
  const [name = '', ...given] = positionals;
  const urls = given.flatMap((word) => (word === '-' ? [] : [word]));
  if (given.includes('-')) urls.push(...(await context.io.readStdin()).split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== ''));
  if (urls.length === 0) throw new UsageError('cloudfront sign needs a URL (or - and URLs on stdin)', CLOUDFRONT_SIGN.name);
  const cloudfront = await context.cloudfront();
  const key = await findKey(cloudfront, name);
  const result = await cloudfront.sign.signUrls({ key: key.id, urls, ...policyInput(values) });
  for (const note of result.notes) context.io.stderr(`note: ${note}\n`);
  if (values.json) context.io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else context.io.stdout(result.items.map((item) => `${item.signedUrl}\n`).join(''));
  return 0;
}

async function signCookies(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(CLOUDFRONT_SIGN_COOKIES, args);
  const [name = '', target = ''] = positionals;
  const cloudfront = await context.cloudfront();
  const key = await findKey(cloudfront, name);
  // A pattern is what the cookies unlock; the URL to try them on is the pattern without its wildcard.
  const pattern = target.includes('*');
  const options = policyInput(values);
  const result = await cloudfront.sign.signCookies({
    key: key.id,
    url: pattern ? target.replaceAll('*', '') : target,
    ...options,
    ...(pattern && options.resource === undefined ? { resource: target } : {}),
  });
  for (const note of [...result.notes, ...result.advice]) context.io.stderr(`note: ${note}\n`);
  if (values.json) context.io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else context.io.stdout(`${result.setCookieHeaders.map((line) => `Set-Cookie: ${line}`).join('\n')}\n\n${result.curl}\n`);
  return 0;
}

async function verify(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(CLOUDFRONT_VERIFY, args);
  const cloudfront = await context.cloudfront();
  const result = await cloudfront.inspect.inspect({ text: positionals[0] ?? '' });
  const wanted = values.key !== undefined ? await findKey(cloudfront, values.key) : undefined;
  const wrongKey = wanted !== undefined && result.signedBy?.id !== wanted.id;
  const valid = result.verdict === 'accepted' && !wrongKey;
  if (values.json) {
    context.io.stdout(`${JSON.stringify({ valid, ...result }, null, 2)}\n`);
    return valid ? 0 : 1;
  }
  context.io.stdout(`${valid ? 'valid' : 'invalid'}: ${result.summary}\n`);
  for (const problem of result.problems) context.io.stdout(`  ${problem.code}: ${problem.message}\n`);
  if (wrongKey) context.io.stdout(`  wrong-key: it is not signed by "${wanted.label}"${result.signedBy ? ` but by "${result.signedBy.label}"` : ''}.\n`);
  return valid ? 0 : 1;
}

/** `roledeck cloudfront keys|import|generate|export-public|remove|sign|sign-cookies|verify`. */
export async function cloudfrontCommand(context: CliContext, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const { io } = context;
  switch (action) {
    case leafName(CLOUDFRONT_KEYS): {
      const { values } = parseCommand(CLOUDFRONT_KEYS, rest);
      const keys = await (await context.cloudfront()).keys.list();
      if (values.json) io.stdout(`${JSON.stringify(keys, null, 2)}\n`);
      else io.stdout(keys.length === 0 ? 'No CloudFront keys stored. Add one with: roledeck cloudfront import <name> --key-id <id> --file <pem>\n' : keys.map((key) => `${keyLine(key)}\n`).join(''));
      return 0;
    }
    case leafName(CLOUDFRONT_IMPORT):
      return importKey(context, rest);
    case leafName(CLOUDFRONT_GENERATE):
      return generate(context, rest);
    case leafName(CLOUDFRONT_EXPORT_PUBLIC): {
      const { positionals } = parseCommand(CLOUDFRONT_EXPORT_PUBLIC, rest);
      const cloudfront = await context.cloudfront();
      const pem = await cloudfront.keys.exportPublicKey((await findKey(cloudfront, positionals[0] ?? '')).id);
      io.stdout(pem.endsWith('\n') ? pem : `${pem}\n`);
      return 0;
    }
    case leafName(CLOUDFRONT_REMOVE): {
      const { positionals } = parseCommand(CLOUDFRONT_REMOVE, rest);
      const cloudfront = await context.cloudfront();
      const key = await findKey(cloudfront, positionals[0] ?? '');
      await cloudfront.keys.remove(key.id);
      io.stdout(`Removed "${key.label}". URLs already signed with it stay valid until they expire.\n`);
      return 0;
    }
    case leafName(CLOUDFRONT_SIGN):
      return sign(context, rest);
    case leafName(CLOUDFRONT_SIGN_COOKIES):
      return signCookies(context, rest);
    case leafName(CLOUDFRONT_VERIFY):
      return verify(context, rest);
    default:
      throw new UsageError(`${action ? `cloudfront has no command "${action}"; it has` : 'cloudfront needs a command:'} ${CLOUDFRONT.subcommands.map(leafName).join(', ')}`, CLOUDFRONT.name);
  }
}
