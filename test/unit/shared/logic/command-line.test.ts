import { describe, expect, it } from 'vitest';
import { splitCommandLine } from '../../../../shared/logic/command-line';
import { credentialProcessCommandLine } from '../../../../electron/node/aws-files/credential-process-command';

describe('splitCommandLine: a credential_process line read as botocore reads it (shlex, POSIX)', () => {
  it('splits on whitespace and keeps full paths whole', () => {
    expect(splitCommandLine('/usr/bin/node  /opt/roledeck/roledeck.mjs credential-process --id 1f2e acme-prod')).toEqual({
      ok: true,
      words: ['/usr/bin/node', '/opt/roledeck/roledeck.mjs', 'credential-process', '--id', '1f2e', 'acme-prod'],
    });
  });

  it('reads single quotes literally, and double quotes with \\" and \\\\ escaped', () => {
    expect(splitCommandLine(`'/Users/jane doe/bin/roledeck' "a \\"b\\" c\\\\d \\$e" x\\ y ''`)).toEqual({
      ok: true,
      words: ['/Users/jane doe/bin/roledeck', 'a "b" c\\d \\$e', 'x y', ''],
    });
  });

  it('reads back every line Roledeck writes, quoting included', () => {
    const line = credentialProcessCommandLine(['/opt/node 24/bin/node', "/home/o'brien/roledeck.mjs"], { id: 'id-1', name: 'acme-prod' }, '/tmp/my home');
    expect(splitCommandLine(line)).toEqual({
      ok: true,
      words: ['/opt/node 24/bin/node', "/home/o'brien/roledeck.mjs", '--home', '/tmp/my home', 'credential-process', '--id', 'id-1', 'acme-prod'],
    });
  });

  it('says what is wrong with a line the AWS CLI could not read either', () => {
    expect(splitCommandLine('roledeck "credential-process')).toEqual({ ok: false, problem: 'a double quote is never closed' });
    expect(splitCommandLine("roledeck 'x")).toEqual({ ok: false, problem: 'a single quote is never closed' });
    expect(splitCommandLine('roledeck \\')).toEqual({ ok: false, problem: 'it ends with a backslash that escapes nothing' });
    expect(splitCommandLine('   ')).toEqual({ ok: false, problem: 'it is empty' });
  });
});
