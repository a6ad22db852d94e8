/**
 * `npm run start:browser` (and `npm start` where no Electron binary is installed): the app in a
 * browser on this machine, without Electron. Builds the renderer if it is missing or stale, serves
 * it on 127.0.0.1 with the production main-side services (OS keychain, your profile store, ~/.aws,
 * AWS SDK), prints the address (token included) and runs until Ctrl+C. The data directory is the
 * desktop app's own (ROLEDECK_HOME overrides it).
 *   --port <n>   listen on this port instead of a free one
 */
import { resolveAppHome } from '../node/app/app-home';
import { ensureRendererBuilt } from './renderer-build';
import { startWebHost, webHostPorts } from './web-host';

function portArgument(argv: readonly string[]): number | undefined {
  const index = argv.indexOf('--port');
  if (index === -1) return undefined;
  const port = Number(argv[index + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port needs a port number, got ${argv[index + 1] ?? 'nothing'}`);
  return port;
}

async function main(): Promise<void> {
  const port = portArgument(process.argv.slice(2));
  await ensureRendererBuilt((line) => process.stderr.write(`${line}\n`));
  const home = resolveAppHome();
  // The agent socket too, so `roledeck` in a terminal gets sessions (and MFA prompts) from this window.
  const options = { home, ports: webHostPorts(home), agent: true };
  const host = await startWebHost(port === undefined ? options : { ...options, port });
  process.stdout.write(
    [
      'Roledeck is running with the real services behind a loopback WebSocket.',
      `  Open: ${host.url}`,
      `  Data: ${host.home}`,
      '  The address carries a one-time token: keep it to yourself. Stop with Ctrl+C.',
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`start:browser failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
