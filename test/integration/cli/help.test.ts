/**
 * `--help`, `-h` and `roledeck help <command>` for every command in the catalog, run through the
 * built CLI as a user runs it: exit 0, that command's usage on stdout, nothing on stderr.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leafName, type CommandSpec } from '../../../electron/cli/usage/command-spec';
import { COMMANDS } from '../../../electron/cli/usage/commands.catalog';
import { usageLine } from '../../../electron/cli/usage/help-text';
import { ensureCliBuilt, runCli } from '../fixtures/cli';

/** Every command a person may ask about, groups (`profile`) and their subcommands (`profile add-role`) alike. */
function everyCommand(commands: readonly CommandSpec[]): CommandSpec[] {
  return commands.filter((spec) => !spec.hidden).flatMap((spec) => [spec, ...everyCommand(spec.subcommands ?? [])]);
}

const cases = everyCommand(COMMANDS).flatMap((spec) => {
  const words = spec.name.split(' ');
  return [
    [`roledeck ${spec.name} --help`, [...words, '--help'], spec],
    [`roledeck ${spec.name} -h`, [...words, '-h'], spec],
    [`roledeck help ${spec.name}`, ['help', ...words], spec],
  ] as const;
});

/** A data folder no profile is in: help needs none, and `exec nobody` finds nothing there. */
const helpHome = path.join(tmpdir(), `roledeck-help-${process.pid}`);

describe('help where people look for it (built CLI)', () => {
  beforeAll(async () => {
    await ensureCliBuilt();
  });
  afterAll(() => rmSync(helpHome, { recursive: true, force: true }));

  it.each(cases)('%s prints that command’s usage and exits 0', async (_, args, spec) => {
    const result = await runCli([...args], { env: { ROLEDECK_HOME: helpHome } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith(`roledeck ${spec.name} — ${spec.summary}\n`)).toBe(true);
    expect(result.stdout).toContain(`Usage:\n  ${usageLine(spec)}\n`);
    if (spec.subcommands) for (const sub of spec.subcommands) expect(result.stdout).toContain(`  ${leafName(sub)} `);
    else expect(result.stdout).toContain('Examples:\n');
  });

  it('answers `roledeck export --help` even with a profile and options around it, and leaves exec’s command alone', async () => {
    const help = await runCli(['export', 'acme-prod', '--format', 'fish', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('roledeck export <profile> [--format <format>]');
    // After --, --help belongs to the command exec runs: it is no request for exec's help.
    const exec = await runCli(['exec', 'nobody', '--', 'aws', '--help'], { env: { ROLEDECK_HOME: helpHome, ROLEDECK_NO_AGENT: '1' } });
    expect(exec.stdout).not.toContain('roledeck exec —');
  });

  it('lists every command and the exit codes with --help, and exits 2 when no command is given', async () => {
    const overview = await runCli(['--help']);
    expect(overview.code).toBe(0);
    for (const spec of everyCommand(COMMANDS).filter((candidate) => !candidate.subcommands)) expect(overview.stdout).toContain(`  ${usageLine(spec)}\n`);
    expect(overview.stdout).toContain('Exit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 keychain locked or missing, 5 AWS error, 6 invalid input');
    expect((await runCli(['help'])).stdout).toBe(overview.stdout);
    const bare = await runCli([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe(overview.stdout);
  });

  it('points a usage error at the command’s own help', async () => {
    const result = await runCli(['export', '--secret', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('roledeck: export has no option --secret\nRun `roledeck export --help` for usage.\n');
    const unknown = await runCli(['help', 'profile', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('profile has no command "nope"; it has list, show, add-user, add-role, remove, import');
  });
});
