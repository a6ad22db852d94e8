import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Ports } from '../../../electron/node/app/services';
import { startWebHost, webHostPorts, type WebHost } from '../../../electron/web-host/web-host';
import { MemoryClipboard } from '../../fakes/memory.clipboard';

export interface TestHostOptions {
  /** 0 or absent: any free port. */
  port?: number;
  /** The built renderer to serve; defaults to .vite/renderer/main_window. */
  rendererDir?: string;
  /**
   * Roledeck's data directory (the encrypted profile store). Absent: a fresh temporary directory,
   * removed on close, so a test never touches the developer's own profiles.
   */
  home?: string;
  /** Replaces some of the production ports (`webHostPorts`). */
  ports?: Partial<Ports>;
  /** Also serve the CLI agent socket in `home`, as the desktop app does. */
  agent?: boolean;
  /**
   * 'memory' (default): a clipboard the test reads, since the suite's keyring session has no
   * display. 'system': the product's own (webHostPorts' SystemClipboard), for tests that run an X
   * display and read the real clipboard with xclip.
   */
  clipboard?: 'memory' | 'system';
}

export interface TestHost extends WebHost {
  /** What main last wrote to the clipboard, with the default 'memory' clipboard. */
  clipboard: MemoryClipboard;
}

/**
 * The product's browser host (electron/web-host) with what a test needs on top: a temporary data
 * directory unless one is given, and a clipboard the test can read unless the test asks for the
 * real one.
 */
export async function startTestHost(options: TestHostOptions = {}): Promise<TestHost> {
  const temporaryHome = options.home === undefined ? await mkdtemp(path.join(tmpdir(), 'roledeck-test-host-')) : null;
  const home = options.home ?? temporaryHome ?? '';
  const clipboard = new MemoryClipboard();
  const host = await startWebHost({
    home,
    ports: { ...webHostPorts(home), ...(options.clipboard === 'system' ? {} : { clipboard }), ...options.ports },
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.rendererDir === undefined ? {} : { rendererDir: options.rendererDir }),
    ...(options.agent === undefined ? {} : { agent: options.agent }),
  });
  return {
    ...host,
    clipboard,
    close: async () => {
      await host.close();
      if (temporaryHome) await rm(temporaryHome, { recursive: true, force: true });
    },
  };
}
