// `roledeck <command>`: help and the dispatcher. Every command is its own chunk, imported when it
// runs, so a command initialises only what it uses. The entry (main.ts) imports this file only
// when the quick credential_process paths cannot answer.
import type { CliContext } from './context';
import type { CliIo } from './io/terminal';
import type { CommandName } from './usage/commands.catalog';

declare const __ROLEDECK_VERSION__: string | undefined;
const version = typeof __ROLEDECK_VERSION__ === 'string' ? __ROLEDECK_VERSION__ : 'dev';

type Handler = (context: CliContext, args: string[]) => Promise<number>;

/** One handler per command in the catalog (`help` is answered here): a catalog entry without one does not compile. */
const HANDLERS: Record<Exclude<CommandName, 'help'>, () => Promise<Handler>> = {
  list: async () => (await import('./commands/list.command')).listCommand,
  export: async () => (await import('./commands/export.command')).exportCommand,
  exec: async () => (await import('./commands/exec.command')).execCommand,
  'credential-process': async () => (await import('./commands/credential-process.command')).credentialProcessCommand,
  config: async () => (await import('./commands/config.command')).configCommand,
  profile: async () => (await import('./commands/profile.command')).profileCommand,
  whoami: async () => (await import('./commands/whoami.command')).whoamiCommand,
  console: async () => (await import('./commands/console.command')).consoleCommand,
  settings: async () => (await import('./commands/settings.command')).settingsCommand,
  sessions: async () => (await import('./commands/sessions.command')).sessionsCommand,
  deploy: async () => (await import('./commands/deploy.command')).deployCommand,
  onboard: async () => (await import('./commands/onboard.command')).onboardCommand,
  customers: async () => (await import('./commands/customers.command')).customersCommand,
  store: async () => (await import('./commands/store.command')).storeCommand,
  cloudfront: async () => (await import('./commands/cloudfront.command')).cloudfrontCommand,
  audit: async () => (await import('./commands/audit.command')).auditCommand,
  completion: async () => (await import('./commands/completion.command')).completionCommand,
  '__complete-profiles': async () => (await import('./commands/complete-profiles.command')).completeProfilesCommand,
  '__clear-clipboard': async () => (await import('./commands/clear-clipboard.command')).clearClipboardCommand,
};

function isHandled(command: string): command is keyof typeof HANDLERS {
  return Object.hasOwn(HANDLERS, command);
}

/** The help a person asked for: `roledeck help profile add-role`, `roledeck profile add-role -h`. */
async function printHelp(words: readonly string[], io: CliIo): Promise<number> {
  const [{ COMMANDS }, { findCommand, hasOwnArguments, leafName }, { commandHelp, overviewHelp }, { EXIT, UsageError }] = await Promise.all([
    import('./usage/commands.catalog'),
    import('./usage/command-spec'),
    import('./usage/help-text'),
    import('./errors'),
  ]);
  if (words.length === 0) {
    io.stdout(overviewHelp());
    return EXIT.ok;
  }
  const spec = findCommand(COMMANDS, words);
  if (!spec || spec.hidden) throw new UsageError(`Unknown command "${words[0]}"`);
  const sub = words[1];
  // `roledeck onboard acme --help`: a word that names no subcommand is the command's own argument.
  if (sub !== undefined && spec.name === words[0] && spec.subcommands && !hasOwnArguments(spec)) {
    throw new UsageError(`${spec.name} has no command "${sub}"; it has ${spec.subcommands.map(leafName).join(', ')}`, spec.name);
  }
  io.stdout(commandHelp(spec));
  return EXIT.ok;
}

export async function run(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = argv;
  const { EXIT, reportError, UsageError } = await import('./errors');
  try {
    if (!command) {
      await printHelp([], io);
      return EXIT.usage;
    }
    if (command === '--help' || command === '-h') return await printHelp([], io);
    if (command === 'help') {
      const [{ HELP }, { asksForHelp, parseCommand }] = await Promise.all([import('./usage/commands.catalog'), import('./usage/parse-command')]);
      return await printHelp(asksForHelp(rest) ? [HELP.name] : parseCommand(HELP, rest).positionals, io);
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
    if (!isHandled(command)) throw new UsageError(`Unknown command "${command}"`);
    const { asksForHelp } = await import('./usage/parse-command');
    if (asksForHelp(rest)) {
      // `roledeck profile add-role --help`: the subcommand's help when the next word names one.
      const sub = rest[0]?.startsWith('-') ? undefined : rest[0];
      return await printHelp(sub ? [command, sub] : [command], io);
    }
    // From here on a command loads its services, and many the AWS SDK: cached compiled code helps.
    (await import('./compile-cache')).useCompileCache(env);
    // credential_process runs with stderr captured by the AWS CLI: an MFA prompt must go to the
    // terminal itself (/dev/tty), never to a pipe nobody reads.
    const { createCliContext } = await import('./context');
    const context = createCliContext(command === 'credential-process' ? { ...io, stdinIsTty: false } : io, env);
    return await (await HANDLERS[command]())(context, rest);
  } catch (error) {
    return reportError(error, io.stderr);
  }
}
