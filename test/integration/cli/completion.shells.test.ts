/**
 * `roledeck completion <shell>` loaded into the real bash, zsh and fish, which are then asked for
 * completions the way they ask when Tab is pressed: bash through COMP_LINE/COMP_WORDS and the
 * function `complete -p roledeck` names, zsh through a pseudo-terminal (zpty) typing a Tab, fish
 * through `complete --do-complete`. Profile names come from the built CLI and the real keychain.
 * PowerShell is not installed here: its script is checked by its structure only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordLines } from '../../../electron/cli/completion/completion-data';
import { COMMANDS, EXPORT, PROFILE, SHELLS } from '../../../electron/cli/usage/commands.catalog';
import { leafName, type CommandSpec } from '../../../electron/cli/usage/command-spec';
import { visibleCommands } from '../../../electron/cli/usage/help-text';
import { cliPath, ensureCliBuilt, runCli } from '../fixtures/cli';
import { requireKeyringSession } from '../fixtures/keyring';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
let work: string;
let home: string;
let otherHome: string;
const scripts: Record<string, string> = {};

/** The environment a user's shell has: roledeck on PATH, the profile store, the keychain session. */
function shellEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${path.join(work, 'bin')}:${process.env.PATH ?? ''}`, ROLEDECK_HOME: home, HOME: path.join(work, 'home'), XDG_CONFIG_HOME: path.join(work, 'home', '.config'), XDG_DATA_HOME: path.join(work, 'home', '.local', 'share') };
}

/** COMP_WORDS as bash fills them: words split at blanks, and `=` a word of its own (COMP_WORDBREAKS). */
function bashWords(line: string): string[] {
  const words = line.split(/\s+/).filter(Boolean).flatMap((word) => word.split(/(=)/).filter(Boolean));
  return /\s$/.test(line) ? [...words, ''] : words;
}

function askBash(line: string): string[] {
  const words = bashWords(line);
  const script = `
source ${JSON.stringify(scripts.bash)}
fn=$(complete -p roledeck | sed -n 's/.*-F \\([^ ]*\\).*/\\1/p')
COMP_LINE=$ROLEDECK_TEST_LINE
COMP_POINT=\${#COMP_LINE}
COMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')})
COMP_CWORD=${words.length - 1}
"$fn" roledeck "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\\n' "\${COMPREPLY[@]}"`;
  return lines(execFileSync('bash', ['--norc', '--noprofile', '-c', script], { env: { ...shellEnv(), ROLEDECK_TEST_LINE: line }, encoding: 'utf8', timeout: 20_000 }));
}

// An interactive zsh on a pseudo-terminal: the line is typed, then a key bound to a widget that
// completes and prints a marker, so the driver reads only once the completion has finished (zsh
// skips parts of completion while typed-ahead input waits). compadd is wrapped to print what the
// completion functions offer.
const ZSH_DRIVER = `
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PS1='' PROMPT='' RPROMPT=''; autoload -Uz compinit; compinit -u -d \${(q)1}.zcompdump"
zpty -w z "source \${(q)1}"
zpty -w z 'compadd() { if (( \${argv[(I)-[OAD]*]} )); then builtin compadd "$@"; return; fi; local -a hits; builtin compadd -O hits "$@"; print -rl -- \${hits/#/CANDIDATE:}; }'
zpty -w z '__test_complete() { zle complete-word; print -r -- COMPLETED-$((40+2)); }; zle -N __test_complete; bindkey "^X" __test_complete'
zpty -w z 'print -r -- READY-$((40+2))'
zpty -r z out '*READY-42*'
zpty -n -w z "$2"$'\\C-x'
zpty -r z out '*COMPLETED-42*'
print -r -- "\${out//$'\\r'/}" | sed -n 's/^.*CANDIDATE:\\(.*\\)$/\\1/p'
zpty -d z
`;

function askZsh(line: string): string[] {
  return lines(execFileSync('zsh', ['-f', '-c', ZSH_DRIVER, 'zsh', scripts.zsh!, line], { env: shellEnv(), encoding: 'utf8', timeout: 30_000 }));
}

function askFish(line: string): string[] {
  const out = execFileSync('fish', ['-c', `source ${scripts.fish}; complete --do-complete -- "$ROLEDECK_TEST_LINE"`], { env: { ...shellEnv(), ROLEDECK_TEST_LINE: line }, encoding: 'utf8', timeout: 20_000 });
  // fish prints "candidate<TAB>description".
  return lines(out).map((entry) => entry.split('\t')[0]!);
}

function lines(text: string): string[] {
  return [...new Set(text.split('\n').filter(Boolean))].sort();
}

const sorted = (values: readonly string[]) => [...values].sort();

const shells = [
  { shell: 'bash', ask: askBash },
  { shell: 'zsh', ask: askZsh },
  { shell: 'fish', ask: askFish },
] as const;

describe('shell completions, generated from the command catalog', () => {
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
    work = mkdtempSync(path.join(tmpdir(), 'roledeck-completion-'));
    home = path.join(work, 'store');
    otherHome = path.join(work, 'other-store');
    mkdirSync(path.join(work, 'bin'));
    mkdirSync(path.join(work, 'home'));
    // `roledeck` on PATH, as npm installs it: the scripts call it for profile names.
    const launcher = path.join(work, 'bin', 'roledeck');
    writeFileSync(launcher, `#!/bin/sh\nexec '${process.execPath}' '${cliPath}' "$@"\n`);
    chmodSync(launcher, 0o755);

    const added = await runCli(['profile', 'add-user', 'consultant', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE'], { env: { ROLEDECK_HOME: home }, input: `${SECRET}\n` });
    expect(added.code).toBe(0);
    expect((await runCli(['profile', 'add-role', 'acme-prod', '--source', 'consultant', '--account-id', '123456789012', '--role-name', 'ExampleRoleName'], { env: { ROLEDECK_HOME: home } })).code).toBe(0);
    expect((await runCli(['profile', 'add-user', 'elsewhere', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE'], { env: { ROLEDECK_HOME: otherHome }, input: `${SECRET}\n` })).code).toBe(0);

    for (const shell of SHELLS) {
      const generated = await runCli(['completion', shell], { env: { ROLEDECK_HOME: home } });
      expect(generated.code).toBe(0);
      scripts[shell] = path.join(work, `roledeck.${shell}`);
      writeFileSync(scripts[shell], generated.stdout);
    }
  });

  it('prints the profile names from the store, quickly and without loading the AWS SDK', () => {
    const hook = path.join(work, 'resolve-log.mjs');
    writeFileSync(hook, `import { registerHooks } from 'node:module';\nregisterHooks({ resolve(specifier, context, next) { process.stderr.write('resolved ' + specifier + '\\n'); return next(specifier, context); } });\n`);
    const result = spawnSync(process.execPath, ['--import', hook, cliPath, '__complete-profiles'], { env: shellEnv(), encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('acme-prod\nconsultant\n');
    const resolved = result.stderr.split('\n').filter((entry) => entry.startsWith('resolved '));
    expect(resolved).toContainEqual(expect.stringContaining('@napi-rs/keyring'));
    expect(resolved.filter((entry) => /@aws-sdk|@smithy/.test(entry))).toEqual([]);
  });

  it('says nothing and offers no names when the store cannot be read', () => {
    const result = spawnSync(process.execPath, [cliPath, '__complete-profiles'], { env: { ...shellEnv(), ROLEDECK_HOME: path.join(work, 'no-such-store') }, encoding: 'utf8' });
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
  });

  describe.each(shells)('in the real $shell', ({ shell, ask }) => {
    it(`${shell} is installed (npm test installs it)`, () => {
      expect(spawnSync('sh', ['-c', `command -v ${shell}`]).status).toBe(0);
    });

    it('completes a command from its first letters, and offers every command', () => {
      expect(ask('roledeck exp')).toEqual(['export']);
      expect(ask('roledeck ')).toEqual(sorted(COMMANDS.filter((spec: CommandSpec) => !spec.hidden).map(leafName)));
    });

    it('completes subcommands, also after help', () => {
      expect(ask('roledeck profile ')).toEqual(sorted(PROFILE.subcommands.map(leafName)));
      expect(ask('roledeck config in')).toEqual(['install']);
      expect(ask('roledeck help profile add-')).toEqual(['add-role', 'add-user']);
    });

    it('completes a command’s options, and their fixed values', () => {
      expect(ask('roledeck export --')).toEqual(['--copy', '--format', '--help']);
      expect(ask('roledeck profile add-role acme --ext')).toEqual(['--external-id']);
      expect(ask('roledeck export acme-prod --format ')).toEqual(sorted(EXPORT.options.format.choices));
      expect(ask('roledeck export acme-prod -f z')).toEqual(['zsh']);
      expect(ask('roledeck completion ')).toEqual(sorted(SHELLS));
      // fish keeps the word it completes whole; bash and zsh complete what follows the =.
      expect(ask('roledeck export acme-prod --format=f').map((entry) => entry.replace(/^--format=/, ''))).toEqual(['fish']);
    });

    it('completes profile names from the keychain-protected store, from --home when given', () => {
      expect(ask('roledeck export ')).toEqual(['acme-prod', 'consultant']);
      expect(ask('roledeck whoami ac')).toEqual(['acme-prod']);
      expect(ask('roledeck profile add-role new --source ')).toEqual(['acme-prod', 'consultant']);
      expect(ask(`roledeck --home ${otherHome} export `)).toEqual(['elsewhere']);
    });

    it('leaves what follows exec’s -- to the shell’s own completion', () => {
      expect(ask('roledeck exec acme-prod -- ech')).toContain('echo');
      expect(ask('roledeck exec acme-prod -- --se')).not.toContain('--server');
    });
  });
});

describe('the PowerShell completion script (checked by its structure only: PowerShell is not installed here)', () => {
  let script: string;
  beforeAll(async () => {
    await ensureCliBuilt();
    script = (await runCli(['completion', 'powershell'])).stdout;
  });

  it('registers a native argument completer for roledeck', () => {
    expect(script).toMatch(/^Register-ArgumentCompleter -Native -CommandName roledeck -ScriptBlock \{$/m);
    expect(script).toContain('param($wordToComplete, $commandAst, $cursorPosition)');
    expect(script).toContain('[System.Management.Automation.CompletionResult]::new(');
    expect(script).toContain('& roledeck @homeArgs __complete-profiles');
  });

  it('carries every record of the catalog in a single-quoted here-string that nothing can end early', () => {
    const body = /\$records = @'\n([\s\S]*?)\n'@ -split/.exec(script)?.[1];
    expect(body?.split('\n')).toEqual(recordLines());
    for (const spec of visibleCommands()) expect(body).toContain(`\t${leafName(spec)}\t`);
    expect(body).not.toMatch(/^'@/m);
  });

  it('balances its braces and parentheses', () => {
    const code = script.replace(/@'\n[\s\S]*?\n'@/, '').replace(/'[^'\n]*'/g, "''").replace(/"[^"\n]*"/g, '""').replace(/#.*$/gm, '');
    for (const [open, close] of [['{', '}'], ['(', ')'], ['[', ']']] as const) {
      expect(code.split(open).length, `${open}${close}`).toBe(code.split(close).length);
    }
  });
});
