import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startAgentServer } from '../node/agent/agent.server';
import { createAgentHandlers } from '../node/app/agent-handlers';
import { createNodePorts } from '../node/app/node-ports';
import { createRouter, type Ports } from '../node/app/services';
import type { IpcRouter } from '../node/ipc/router';
import { checkoutCli, findCliLauncher } from '../node/aws-files/cli-launcher';
import { SystemClipboard } from '../node/clipboard/system.clipboard';
import { StreamLogger } from '../node/log/console.logger';
import { BridgeSocket } from './bridge-socket';
import { RENDERER_BUILD_DIR, REPO_ROOT } from './renderer-build';
import { RecordedUrlOpener } from './recorded.url-opener';
import { createStaticHandler } from './static-files';

export interface WebHostOptions {
  /** Roledeck's data directory: the encrypted profile store and, with `agent`, the CLI socket. */
  home: string;
  /** The adapters behind the router: `webHostPorts(home)` for the production ones. */
  ports: Ports;
  /** 0 or absent: any free port. */
  port?: number;
  /** The built renderer to serve; defaults to .vite/renderer/main_window. */
  rendererDir?: string;
  /** Also serve the CLI agent socket in `home`, as the desktop app does. */
  agent?: boolean;
}

export interface WebHost {
  /** The page to open, token included. */
  url: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  token: string;
  /** The data directory the profile store uses. */
  home: string;
  /** The router the page talks to. */
  router: IpcRouter;
  /** What "Open console" would have opened, when the ports' opener is the preview's recorder. */
  openedUrls(): readonly string[];
  close(): Promise<void>;
}

export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}

/**
 * The production adapters, wired as Electron main and the CLI wire them (OS keychain, encrypted
 * profile store in `home`, ~/.aws as the SDKs read it, AWS SDK), with a Node runtime description.
 * The clipboard is the operating system's, reached through its clipboard tools (SystemClipboard):
 * Electron's is not here. Where none can be reached, a copy fails with the reason and the window
 * offers to show the export instead. URLs to open are recorded, not opened (`WebHost.openedUrls`).
 */
export function webHostPorts(home: string): Ports {
  const ports = createNodePorts({
    home,
    logger: new StreamLogger(),
    runtime: {
      name: 'Roledeck',
      version: packageVersion(),
      platform: process.platform,
      runtime: { kind: 'node', version: process.versions.node },
    },
  });
  // The checkout's own CLI, run by this Node, for credential_process lines when PATH has no roledeck
  // (looked for at each install: `npm run build` may have made it since the host started).
  // "Open console" records the sign-in URL instead of starting a browser (recorded.url-opener.ts).
  return {
    ...ports,
    home,
    clipboard: new SystemClipboard(),
    cliLauncher: () => findCliLauncher({ ownCli: checkoutCli(REPO_ROOT) }),
    urlOpener: new RecordedUrlOpener(),
  };
}

/**
 * Serves the built renderer on 127.0.0.1 and mounts the main-side router behind a loopback
 * WebSocket: the same app in a browser, without Electron. Every request needs a random token;
 * Host and Origin must be loopback with this port.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { home, ports } = options;
  const { router, services } = createRouter(ports);
  const token = randomBytes(32).toString('base64url');
  let port = 0;
  const server: Server = createServer();
  const handleStatic = createStaticHandler({ root: options.rendererDir ?? RENDERER_BUILD_DIR, token, port: () => port });
  const bridge = new BridgeSocket({ router, token, port: () => port, logger: ports.logger });

  server.on('request', (request, response) => {
    handleStatic(request, response).catch((error: unknown) => {
      ports.logger.error('web host failed to serve a file', { url: request.url?.split('?')[0], error });
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Internal Server Error\n');
    });
  });
  server.on('upgrade', bridge.handleUpgrade);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  // After the port is ours: a start that fails (the port taken) leaves no data folder behind, and
  // the socket creates the folder only for a host that runs. As in the desktop app, a socket that
  // cannot start leaves the CLI on its own keychain path.
  const agent = options.agent
    ? await startAgentServer({ home, handlers: createAgentHandlers(services, { version: packageVersion() }), logger: ports.logger }).catch((error: unknown) => {
        ports.logger.warn('the CLI agent socket could not start; the CLI will use the keychain itself', { error });
        return null;
      })
    : null;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    home,
    router,
    openedUrls: () => (ports.urlOpener instanceof RecordedUrlOpener ? ports.urlOpener.opened() : []),
    close: async () => {
      await agent?.close();
      services.refresh.stop();
      await services.cloudfrontSigner.close();
      bridge.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
