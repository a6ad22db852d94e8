/**
 * Every shell format evaluated by the real shell: the values read back from the shell's
 * environment must equal what was exported, byte for byte.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatExport, type ExportableSession, type ExportFormat } from '../../../shared/logic/shell-export';

const base64Char = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/='.split(''));
const awsValue = (min: number, max: number) => fc.array(base64Char, { minLength: min, maxLength: max }).map((chars) => chars.join(''));

/** Characters that break naive quoting; still valid for POSIX shells and fish. */
const nastyChar = fc.constantFrom(...Array.from(`'"$`+'`'+`\\!*?[]{}();&|<> \t#~%^é😀`), 'a', '=', '/', '+');
const nastyValue = fc.array(nastyChar, { minLength: 1, maxLength: 40 }).map((chars) => chars.join(''));

const shells: Array<{ shell: string; format: ExportFormat; args: (script: string) => string[] }> = [
  { shell: 'bash', format: 'bash', args: (script) => ['-c', script] },
  { shell: 'zsh', format: 'zsh', args: (script) => ['-f', '-c', script] },
  { shell: 'dash', format: 'bash', args: (script) => ['-c', script] },
  { shell: 'fish', format: 'fish', args: (script) => ['--no-config', '-c', script] },
];

const NAMES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_CREDENTIAL_EXPIRATION', 'AWS_PROFILE'];

/** Evaluates the export in the shell, then prints the variables NUL-separated with node. */
function evaluate(shell: (typeof shells)[number], text: string): Record<string, string | undefined> {
  const dump = `'${process.execPath}' -e 'for (const n of ${JSON.stringify(NAMES).replaceAll("'", '')}) process.stdout.write(n + "=" + (process.env[n] ?? "<unset>") + "\\0")'`;
  const out = execFileSync(shell.shell, shell.args(`${text}\n${dump}`), {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, AWS_PROFILE: 'stale-profile', AWS_SESSION_TOKEN: 'stale-token' },
  });
  const values: Record<string, string | undefined> = {};
  for (const entry of out.split('\0').filter(Boolean)) {
    const at = entry.indexOf('=');
    const value = entry.slice(at + 1);
    values[entry.slice(0, at)] = value === '<unset>' ? undefined : value;
  }
  return values;
}

describe.each(shells)('exports evaluated by $shell', (shell) => {
  it(`${shell.shell} is installed (npm test installs it)`, () => {
    expect(spawnSync('sh', ['-c', `command -v ${shell.shell}`]).status).toBe(0);
  });

  it('sets exactly the exported values and clears a stale AWS_PROFILE, for AWS-shaped values', () => {
    fc.assert(
      fc.property(awsValue(40, 40), awsValue(300, 1200), (secret, token) => {
        const session: ExportableSession = {
          accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
          secretAccessKey: secret,
          sessionToken: token,
          expiresAt: Date.UTC(2026, 10, 28, 18, 0, 0),
          region: 'eu-west-1',
          profileName: 'acme-prod',
        };
        const env = evaluate(shell, formatExport(shell.format, session));
        expect(env).toEqual({
          AWS_ACCESS_KEY_ID: 'ASIAIOSFODNN7EXAMPLE',
          AWS_SECRET_ACCESS_KEY: secret,
          AWS_SESSION_TOKEN: token,
          AWS_REGION: 'eu-west-1',
          AWS_DEFAULT_REGION: 'eu-west-1',
          AWS_CREDENTIAL_EXPIRATION: '2026-11-28T18:00:00.000Z',
          AWS_PROFILE: undefined,
        });
      }),
      { numRuns: 8 },
    );
  });

  it('keeps quotes, $, backticks, backslashes and spaces literal', () => {
    fc.assert(
      fc.property(nastyValue, (value) => {
        const env = evaluate(shell, formatExport(shell.format, { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: value, profileName: 'x' }));
        expect(env.AWS_SECRET_ACCESS_KEY).toBe(value);
        expect(env.AWS_SESSION_TOKEN).toBeUndefined();
      }),
      { numRuns: 15 },
    );
  });
});
