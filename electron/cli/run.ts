// `roledeck <command>`: the help text and the dispatcher. Every command is its own chunk, imported
// when it runs, so a command initialises only what it uses. The entry (main.ts) imports this file
// only when the quick credential_process paths cannot answer.
import type { CliIo } from './io/terminal';

declare const __ROLEDECK_VERSION__: string | undefined;
const version = typeof __ROLEDECK_VERSION__ === 'string' ? __ROLEDECK_VERSION__ : 'dev';

export const HELP = `roledeck — AWS credentials for people who work across many accounts

Usage:
  roledeck [--home <dir>] <command> ...

  roledeck list [--json]
      Every profile with its session's time left; * marks the active one.
  roledeck export <profile> [--format bash|zsh|fish|powershell|cmd|dotenv|json|ini]
      Prints the session as text to eval or save, e.g. eval "$(roledeck export acme-prod)".
      The default format follows $SHELL.
  roledeck exec <profile> [--server] -- <command> [args...]
      Runs the command with the session in its environment. --server gives it a loopback
      credentials endpoint instead of keys, refreshed before expiry, for long runs (Terraform).
  roledeck credential-process <profile>
      For credential_process in ~/.aws/config: JSON on stdout only, diagnostics on stderr.
  roledeck config install <profile> [--aws-profile <name>] [--force]
  roledeck config remove <profile> [--aws-profile <name>]
  roledeck config status <profile> [--aws-profile <name>]
      Writes (or removes) a credential_process profile in ~/.aws/config (AWS_CONFIG_FILE). Only
      Roledeck's own section changes; a backup precedes the first edit; a section you wrote by
      hand is replaced only with --force.

  roledeck profile list [--json]
  roledeck profile show <name> [--json]
  roledeck profile add-user <name> --access-key-id <id> [--mfa-serial <arn>] [--region <r>]
                                   [--label <text>] [--color <#rrggbb>]
      The secret access key is read from stdin (a hidden prompt on a terminal), never from argv.
  roledeck profile add-role <name> --source <profile> (--role-arn <arn> | --account-id <id> --role-name <n>)
                                   [--external-id <id>] [--mfa-serial <arn>] [--session-name <n>]
                                   [--duration <seconds>] [--region <r>] [--source-identity <id>]
                                   [--tag key=value]... [--label <text>] [--color <#rrggbb>]
  roledeck profile remove <name>
  roledeck profile import [--dry-run] [--move-keys] [--json]
      Reads ~/.aws/config and ~/.aws/credentials (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE);
      never changes them. Static keys move into the keychain only with --move-keys.
  roledeck whoami <profile> [--json]
      Test access: runs the profile's chain (IAM user → role → role) and GetCallerIdentity, and
      prints the identity ARN, or explains what failed. Asks for an MFA code on the terminal when
      one is needed; the session it obtains is cached in the OS keychain for the app and the CLI.
  roledeck sessions [--json]
      Lists the sessions cached in the OS keychain, with their state and time left.
  roledeck store status [--json]
      Where the encrypted profile store is and whether it can be read.
  roledeck store reset [--yes]
      Start over: moves the profile store aside (renamed, never deleted) and starts an empty one,
      e.g. after its key was lost from the keychain. Profiles, settings and history stay in the
      old file; keychain secrets stay. Asks on a terminal; elsewhere it needs --yes.

When the Roledeck app is running, export, exec and credential-process get sessions from it (its
MFA prompt answers for every terminal); otherwise the CLI uses the OS keychain itself and asks
for MFA codes on the terminal.

Environment:
  ROLEDECK_HOME   where the encrypted profile store lives (default: the desktop app's data folder)
  AWS_ENDPOINT_URL  the STS endpoint to call instead of AWS's (as every AWS SDK honours it)

Exit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 keychain locked or missing, 5 AWS error, 6 invalid input
`;

export async function run(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = argv;
  const { EXIT, reportError, UsageError } = await import('./errors');
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(HELP);
      return command ? EXIT.ok : EXIT.usage;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${version}\n`);
      return EXIT.ok;
    }
    if (command === '--home') {
      const [home, ...remaining] = rest;
      if (!home) throw new UsageError('--home needs a folder');
      return await run(remaining, io, { ...env, ROLEDECK_HOME: home });
    }
    // credential_process runs with stderr captured by the AWS CLI: an MFA prompt must go to the
    // terminal itself (/dev/tty), never to a pipe nobody reads.
    const { createCliContext } = await import('./context');
    const context = createCliContext(command === 'credential-process' ? { ...io, stdinIsTty: false } : io, env);
    switch (command) {
      case 'list':
        return await (await import('./commands/list.command')).listCommand(context, rest);
      case 'export':
        return await (await import('./commands/export.command')).exportCommand(context, rest);
      case 'exec':
        return await (await import('./commands/exec.command')).execCommand(context, rest);
      case 'credential-process':
        return await (await import('./commands/credential-process.command')).credentialProcessCommand(context, rest);
      case 'config':
        return await (await import('./commands/config.command')).configCommand(context, rest);
      case 'profile':
        return await (await import('./commands/profile.command')).profileCommand(context, rest);
      case 'whoami':
        return await (await import('./commands/whoami.command')).whoamiCommand(context, rest);
      case 'sessions':
        return await (await import('./commands/sessions.command')).sessionsCommand(context, rest);
      case 'store':
        return await (await import('./commands/store.command')).storeCommand(context, rest);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    return reportError(error, io.stderr);
  }
}
