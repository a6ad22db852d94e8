import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli } from '../fixtures/cli';
import { requireKeyringSession } from '../fixtures/keyring';

/*
 * `roledeck cloudfront` through the built CLI with the real keyring: an openssl-generated key is
 * imported, a URL signed with it verifies with `openssl dgst -sha1 -verify` (CloudFront's own
 * check, independent of Roledeck's code), and a tampered URL is refused with the reason.
 */

let home: string;
const env = () => ({ ROLEDECK_HOME: home });

/** CloudFront's base64 back to standard base64 (the signed-URL docs: + → -, = → _, / → ~). */
function standardBase64(cloudFront: string): string {
  return cloudFront.replaceAll('-', '+').replaceAll('_', '=').replaceAll('~', '/');
}

describe('roledeck cloudfront (built CLI, real keychain)', () => {
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
  });
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'roledeck-cloudfront-cli-'));
  });

  it('imports an openssl key, signs a URL that openssl verifies, and refuses a tampered URL with the reason', async () => {
    const keyFile = path.join(home, 'private_key.pem');
    execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', keyFile], { stdio: 'ignore' });
    const publicFile = path.join(home, 'public_key.pem');
    execFileSync('openssl', ['pkey', '-in', keyFile, '-pubout', '-out', publicFile], { stdio: 'ignore' });

    const imported = await runCli(['cloudfront', 'import', 'acme-media', '--key-id', 'K2JCJMDEHXQW5F', '--file', keyFile], { env: env() });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Stored "acme-media" (K2JCJMDEHXQW5F');

    const listed = await runCli(['cloudfront', 'keys', '--json'], { env: env() });
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain('PRIVATE KEY');
    expect(JSON.parse(listed.stdout)).toMatchObject([{ label: 'acme-media', keyPairId: 'K2JCJMDEHXQW5F' }]);

    const exported = await runCli(['cloudfront', 'export-public', 'acme-media'], { env: env() });
    expect(exported.stdout.trim()).toBe(readFileSync(publicFile, 'utf8').trim());

    const signed = await runCli(['cloudfront', 'sign', 'acme-media', 'https://d111111abcdef8.cloudfront.net/movie.mp4', '--expires', '2h'], { env: env() });
    expect(signed.code).toBe(0);
    const url = new URL(signed.stdout.trim());
    const expires = url.searchParams.get('Expires') ?? '';
    expect(url.searchParams.get('Key-Pair-Id')).toBe('K2JCJMDEHXQW5F');
    // A canned policy is rebuilt by CloudFront from the URL and Expires; that is what was signed.
    const policy = `{"Statement":[{"Resource":"https://d111111abcdef8.cloudfront.net/movie.mp4","Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`;
    writeFileSync(path.join(home, 'policy.json'), policy);
    writeFileSync(path.join(home, 'signature.bin'), Buffer.from(standardBase64(url.searchParams.get('Signature') ?? ''), 'base64'));
    const verified = execFileSync('openssl', ['dgst', '-sha1', '-verify', publicFile, '-signature', path.join(home, 'signature.bin'), path.join(home, 'policy.json')]).toString();
    expect(verified.trim()).toBe('Verified OK');

    const valid = await runCli(['cloudfront', 'verify', url.toString(), '--key', 'acme-media'], { env: env() });
    expect(valid.stdout).toMatch(/^valid: /);
    expect(valid.code).toBe(0);

    const tampered = url.toString().replace('movie.mp4', 'other.mp4');
    const refused = await runCli(['cloudfront', 'verify', tampered], { env: env() });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^invalid: /);
    expect(refused.stdout).toMatch(/tampered|resource-mismatch/);

    const removed = await runCli(['cloudfront', 'remove', 'acme-media'], { env: env() });
    expect(removed.code).toBe(0);
    expect((await runCli(['cloudfront', 'keys', '--json'], { env: env() })).stdout.trim()).toBe('[]');
  });
});
