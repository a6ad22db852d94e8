/**
 * `npm run start:browser` (and `npm start` where no Electron binary is installed): the app in a
 * browser on this machine, without Electron. Builds the renderer (and the CLI, which
 * credential_process lines name) if missing or stale, serves it on 127.0.0.1 with the production
 * main-side services (OS keychain, your profile store, ~/.aws, AWS SDK), prints the keychain's
 * state and the address (token included) and runs until Ctrl+C. The data directory is the desktop
 * app's own (ROLEDECK_HOME overrides it); nothing is created in it while the keychain is not ready.
 *   --port <n>   listen on this port instead of a free one
 */
import { existsSync } from 'node:fs';
import { resolveAppHome } from '../node/app/app-home';
import { ensureCliBuilt, ensureRendererBuilt } from './renderer-build';
import { startupText } from './startup-text';
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
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  await ensureRendererBuilt(log);
  await ensureCliBuilt(log);
  const home = resolveAppHome();
  const ports = webHostPorts(home);
  const keychain = await ports.secrets.status();
  const homeExisted = existsSync(home);
  // The agent socket lets `roledeck` in a terminal get sessions (and MFA prompts) from this window.
  // Without a keychain this window has no sessions to give, and the socket would create the data
  // folder for nothing: the CLI then uses the keychain itself.
  const options = { home, ports, agent: keychain.state === 'ready' };
  const host = await startWebHost(port === undefined ? options : { ...options, port });
  process.stdout.write(startupText({ url: host.url, home: host.home, homeExists: homeExisted || existsSync(home), keychain, agent: options.agent }));
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
