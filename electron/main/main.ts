import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, clipboard, ClipboardItem, ipcMain, Menu, nativeImage, nativeTheme, Notification, powerMonitor, protocol, session, shell, Tray, type NativeImage } from 'electron';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../shared/logic/content-security-policy';
import type { Logger } from '../../shared/ports/logger';
import { startAgentServer } from '../node/agent/agent.server';
import { createAgentHandlers } from '../node/app/agent-handlers';
import { createNodePorts } from '../node/app/node-ports';
import { packagedCli } from '../node/cli-install/packaged-cli';
import { ElectronClipboardAdapter } from './clipboard/electron.clipboard';
import { createRouter, type Ports } from '../node/app/services';
import { createRouterClient } from '../node/ipc/in-process.client';
import { resolveStoreHome } from '../node/store/encrypted-file.document-store';
import { StreamLogger } from '../node/log/console.logger';
import { watchResume } from './app/resume-recheck';
import { squirrelStartupAction } from './app/squirrel-startup';
import { mountElectronIpc } from './ipc/electron-ipc.adapter';
import { startNotifier } from './notifications/notifier';
import { appHttpOrigin } from './security/app-origin.policy';
import { trayIcon } from './tray/tray-icon';
import { startTrayController } from './tray/tray.controller';
import { appMenuTemplate } from './window/app-menu';
import { APP_SCHEME_PRIVILEGES, serveAppProtocol } from './window/app-protocol';
import { rendererDir, resolveAppUrl } from './window/app-url';
import { swatchBitmap } from './tray/tray-swatch';
import { hardenSession, hardenWebContents, secureWindowOptions } from './window/secure-window';

// Composition root of the Electron app: wires ports into services, mounts the IPC router and
// opens the window. Everything with behaviour worth testing lives in the modules it imports.

/** Matches the renderer's --bg in each theme, so a resize or first paint never flashes. */
const WINDOW_BACKGROUND = { light: '#f7f7f8', dark: '#1b1c1f' } as const;

function windowBackground(): string {
  return nativeTheme.shouldUseDarkColors ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light;
}

/** The production adapters. The data directory is the one the CLI uses (ROLEDECK_HOME overrides it). */
function createPorts(logger: Logger, home: string): Ports {
  const ports = createNodePorts({
    home,
    logger,
    runtime: {
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      runtime: { kind: 'electron', version: process.versions.electron },
    },
  });
  // The packaged app carries the `roledeck` command as a single executable in resources/cli.
  const bundledCli = app.isPackaged ? packagedCli(process.resourcesPath) : null;
  return { ...ports, clipboard: new ElectronClipboardAdapter(clipboard, ClipboardItem), ...(bundledCli ? { bundledCli } : {}) };
}

/** The tray icon as an image: 32 px drawn for a 16-point slot on macOS (scale factor 2). */
function createTrayImage(): NativeImage {
  const icon = trayIcon(process.platform);
  const base64 = icon.dataUrl.slice(icon.dataUrl.indexOf(',') + 1);
  const image = nativeImage.createFromBuffer(Buffer.from(base64, 'base64'), { scaleFactor: icon.scaleFactor });
  image.setTemplateImage(icon.template);
  return image;
}

function main(): void {
  const squirrel = squirrelStartupAction(process.argv, process.platform, process.execPath);
  if (squirrel) {
    if (squirrel.args.length > 0) spawn(squirrel.updateExe, squirrel.args, { detached: true, stdio: 'ignore' }).unref();
    app.quit();
    return;
  }

  // Before 'ready': every renderer, including ones we did not create, runs in the sandbox, and the
  // app:// scheme the packaged page is served from is registered as standard and secure.
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const logger = new StreamLogger();
  const devServerUrl = typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' ? MAIN_WINDOW_VITE_DEV_SERVER_URL : undefined;
  const appUrl = resolveAppUrl({ devServerUrl });
  // DevTools and the reload menu only under `electron-forge start`, never in a packaged build.
  const development = devServerUrl !== undefined && !app.isPackaged;
  const preloadPath = path.join(import.meta.dirname, 'preload.cjs');

  // The same folder the CLI computes without Electron; ROLEDECK_HOME overrides both.
  const home = resolveStoreHome(app.getPath('userData'));
  const { router, services } = createRouter(createPorts(logger, home));

  let mainWindow: BrowserWindow | null = null;

  const createMainWindow = (): BrowserWindow => {
    const window = new BrowserWindow(secureWindowOptions({ preloadPath, backgroundColor: windowBackground(), devTools: development }));
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    window.loadURL(appUrl).catch((error: unknown) => logger.error('the app page failed to load', { error }));
    return window;
  };

  // Every webContents, not only ours: a stray one (devtools extension, future popup) gets the
  // same navigation and window-open rules.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { appUrl, logger, openExternal: (url) => shell.openExternal(url) });
  });

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  nativeTheme.on('updated', () => {
    for (const window of BrowserWindow.getAllWindows()) window.setBackgroundColor(windowBackground());
  });

  app
    .whenReady()
    .then(() => {
      Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ platform: process.platform, packaged: !development, appName: app.getName() })));
      if (!devServerUrl) {
        serveAppProtocol(protocol, {
          rootDir: rendererDir({ mainBundleDir: import.meta.dirname, rendererName: MAIN_WINDOW_VITE_NAME }),
          csp: CONTENT_SECURITY_POLICY,
          readFile: (file) => readFile(file),
        });
      }
      hardenSession(session.defaultSession, {
        appOrigin: appHttpOrigin(appUrl),
        csp: contentSecurityPolicy(devServerUrl ? { devServerUrl } : {}),
      });
      mountElectronIpc({
        ipcMain,
        router,
        appUrl,
        logger,
        targets: () => BrowserWindow.getAllWindows().map((window) => window.webContents),
      });
      mainWindow = createMainWindow();

      // An MFA prompt (from the window, the CLI or credential_process) brings the window forward
      // and raises an OS notification; so do ahead-of-time session warnings.
      const notifier = startNotifier({
        router,
        createNotification: (options) => (Notification.isSupported() ? new Notification(options) : null),
        window: () => mainWindow,
        openWindow: () => {
          mainWindow = createMainWindow();
        },
        ...(process.platform === 'darwin' ? { activateApp: () => app.focus({ steal: true }) } : {}),
        logger,
      });
      const tray = startTrayController({
        tray: new Tray(createTrayImage()),
        buildMenu: (template) => Menu.buildFromTemplate(template),
        client: createRouterClient(router),
        openWindow: () => notifier.raiseWindow(),
        quit: () => app.quit(),
        reportFailure: (title, message) => notifier.notify(title, message),
        notify: (title, message) => notifier.notify(title, message),
        // 32 px for a 16-point menu icon: sharp on high-density screens.
        swatchIcon: (color) => nativeImage.createFromBitmap(swatchBitmap(color, 32), { width: 32, height: 32, scaleFactor: 2 }),
        logger,
      });
      // Timers set before a sleep fire late or not at all: look at every session again on wake.
      const stopWatchingResume = watchResume(powerMonitor, () => services.refresh.recheck(), logger);
      // The CLI's socket: terminals get sessions from this app, and its MFA prompt answers them all.
      const agent = startAgentServer({
        home,
        handlers: createAgentHandlers(services, { version: app.getVersion() }),
        logger,
      }).catch((error: unknown) => {
        logger.warn('the CLI agent socket could not start; the CLI will use the keychain itself', { error });
        return null;
      });
      app.once('will-quit', () => {
        // Electron's clipboard calls are synchronous under the adapter's promises, so this
        // finishes before the process exits.
        void services.work.clearClipboardOnQuit();
        void agent.then((server) => server?.close());
        stopWatchingResume();
        services.refresh.stop();
        tray.dispose();
        notifier.dispose();
      });

      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
      });
    })
    .catch((error: unknown) => {
      logger.error('Roledeck failed to start', { error });
      app.exit(1);
    });
}

main();
