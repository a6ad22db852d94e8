import { describe, expect, it } from 'vitest';
import { selfCommand } from '../../../../electron/cli/self-command';

const EXE = '/opt/Roledeck/resources/cli/roledeck';
const LINK = '/home/ada/.local/bin/roledeck';
const links: Record<string, string> = { [LINK]: EXE, [EXE]: EXE };
const realpath = (file: string): string => {
  const real = links[file];
  if (!real) throw new Error(`ENOENT: ${file}`);
  return real;
};

describe('selfCommand: how a credential_process line the CLI writes starts it again', () => {
  it('npm package: node and the script, by absolute paths', () => {
    expect(selfCommand({ argv: ['/usr/bin/node', '/usr/lib/node_modules/roledeck/dist/cli/roledeck.mjs'], execPath: '/usr/bin/node', sea: false, realpath })).toEqual([
      '/usr/bin/node',
      '/usr/lib/node_modules/roledeck/dist/cli/roledeck.mjs',
    ]);
  });

  it('single executable started through the installed link: the link alone, never `<exe> <link>`', () => {
    expect(selfCommand({ argv: [EXE, LINK, 'config', 'install'], execPath: EXE, sea: true, realpath })).toEqual([LINK]);
  });

  it('single executable found by a shell on PATH (argv[1] is a bare name): the link PATH leads to', () => {
    expect(selfCommand({ argv: [EXE, 'roledeck', 'config', 'install'], execPath: EXE, path: `/usr/bin:/home/ada/.local/bin`, sea: true, realpath })).toEqual([LINK]);
  });

  it('single executable whose bare name PATH does not lead back to it: the executable’s own path', () => {
    expect(selfCommand({ argv: [EXE, 'roledeck'], execPath: EXE, path: '/usr/bin', sea: true, realpath })).toEqual([EXE]);
  });

  it('single executable started by a path that is not this executable: the executable’s own path', () => {
    expect(selfCommand({ argv: [EXE, '/tmp/gone/roledeck'], execPath: EXE, sea: true, realpath })).toEqual([EXE]);
  });
});
