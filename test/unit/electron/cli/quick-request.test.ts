import { describe, expect, it } from 'vitest';
import { quickRequest } from '../../../../electron/cli/quick-request';
import { credentialProcessCommandLine } from '../../../../electron/node/aws-files/credential-process-command';

const ID = '0b7e6a52-3c1f-4e8e-9d2a-5f1c2b3a4d5e';

/** argv as a shell (or botocore's shlex) splits a credential_process line with no quoted words, without the launcher. */
function argvOf(line: string, launcherWords: number): string[] {
  expect(line).not.toContain("'");
  return line.split(' ').slice(launcherWords);
}

describe('which calls the quick path answers', () => {
  it('takes every credential_process form a person writes or `config install` writes', () => {
    expect(quickRequest(['credential-process', 'acme-prod'], {})).toEqual({ command: 'credential-process', ref: 'acme-prod' });
    expect(quickRequest(['credential-process', '--id', ID, 'acme-prod'], {})).toEqual({ command: 'credential-process', ref: 'acme-prod', id: ID });
    expect(quickRequest(['credential-process', `--id=${ID}`, 'acme-prod'], {})).toEqual({ command: 'credential-process', ref: 'acme-prod', id: ID });
    // With ROLEDECK_HOME set, `config install` writes `--home <dir>` before the command.
    const withHome = credentialProcessCommandLine(['/usr/bin/node', '/opt/roledeck/roledeck.mjs'], { id: ID, name: 'acme-prod' }, '/home/me/.roledeck-work');
    expect(quickRequest(argvOf(withHome, 2), {})).toEqual({ command: 'credential-process', home: '/home/me/.roledeck-work', ref: 'acme-prod', id: ID });
    const plain = credentialProcessCommandLine(['/usr/bin/node', '/opt/roledeck/roledeck.mjs'], { id: ID, name: 'acme-prod' });
    expect(quickRequest(argvOf(plain, 2), {})).toEqual({ command: 'credential-process', ref: 'acme-prod', id: ID });
  });

  it('takes export in every format, and the shell’s own by default', () => {
    for (const format of ['bash', 'zsh', 'fish', 'powershell', 'cmd', 'dotenv', 'json', 'ini'] as const) {
      expect(quickRequest(['export', 'acme-prod', '--format', format], {})).toEqual({ command: 'export', ref: 'acme-prod', format });
      expect(quickRequest(['export', '-f', format, 'acme-prod'], {})).toEqual({ command: 'export', ref: 'acme-prod', format });
      expect(quickRequest(['--home', '/tmp/rd', 'export', `--format=${format}`, 'acme-prod'], {})).toEqual({ command: 'export', home: '/tmp/rd', ref: 'acme-prod', format });
    }
    expect(quickRequest(['export', 'acme-prod'], { SHELL: '/usr/bin/fish' })).toEqual({ command: 'export', ref: 'acme-prod', format: 'fish' });
    expect(quickRequest(['export', 'acme-prod'], {}, 'win32')).toEqual({ command: 'export', ref: 'acme-prod', format: 'powershell' });
  });

  it('leaves everything else to the full CLI, which explains what is wrong', () => {
    for (const argv of [
      [],
      ['list'],
      ['credential-process'],
      ['credential-process', 'a', 'b'],
      ['credential-process', '--id', 'NOT AN ID', 'acme-prod'],
      ['credential-process', '--verbose', 'acme-prod'],
      ['credential-process', 'acme prod'],
      ['export', 'acme-prod', '--format', 'csh'],
      ['export', 'acme-prod', '--format'],
      ['export', '--help'],
      ['export', 'acme-prod', '-h'],
      ['credential-process', '--id', ID, 'acme-prod', '--help'],
      ['credential-process', '--id', ID, 'acme-prod', '-h'],
      ['--home'],
      ['exec', 'acme-prod', '--', 'true'],
    ]) {
      expect(quickRequest(argv, {})).toBeUndefined();
    }
  });
});
