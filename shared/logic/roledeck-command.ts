/** Recognising a command line that runs Roledeck's own CLI (in ~/.aws/config's credential_process). */

const ROLEDECK_EXECUTABLE = /^roledeck(\.exe|\.cmd|\.mjs|\.js)?$/i;
const LAUNCHERS = new Set(['env', 'node', 'node.exe', 'npx', 'npx.cmd', 'bunx']);

/**
 * Whether a credential_process command runs Roledeck itself: `roledeck credential-process x`,
 * `"/Applications/Roledeck.app/…/roledeck" …`, `C:\…\roledeck.exe …`, `npx roledeck …`.
 */
export function isRoledeckCommand(command: string): boolean {
  const words = [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
  const basename = (word: string) => word.split(/[\\/]/).at(-1) ?? '';
  for (const word of words.slice(0, 3)) {
    const base = basename(word);
    if (ROLEDECK_EXECUTABLE.test(base)) return true;
    if (!LAUNCHERS.has(base.toLowerCase()) && !base.startsWith('-')) return false;
  }
  return false;
}
