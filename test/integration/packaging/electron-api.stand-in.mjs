// A recording stand-in for the parts of Electron's main-process API that electron/main/main.ts
// uses, for packaging.test.ts: it lets the built main bundle run under plain Node (no Electron
// runtime can be installed on the test machines) and records what the composition root did.
// It is mapped to the specifier 'electron' by a module resolve hook; when the process exits, the
// record is written as JSON to the file named by ROLEDECK_ELECTRON_RECORD.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const record = {
  calls: [],
  appListeners: [],
  windows: [],
  ipcChannels: [],
  session: { permissionRequest: false, permissionCheck: false, devicePermission: false, headersReceived: false },
  /** The tray as last drawn: its tooltip and menu labels. */
  tray: null,
  powerListeners: [],
  protocol: { privileged: [], handled: [] },
  /** The roles and labels of the application menu, flattened; null until one is set. */
  applicationMenu: null,
};
process.on('exit', () => writeFileSync(process.env.ROLEDECK_ELECTRON_RECORD, JSON.stringify(record)));

// Electron sets process.resourcesPath in every process (the packaged app's resources folder):
// main.ts looks there for the roledeck command. A folder that does not exist here: no CLI.
process.resourcesPath ??= '/nonexistent/roledeck-stand-in/resources';

const windows = [];

export const app = {
  enableSandbox: () => record.calls.push('app.enableSandbox'),
  requestSingleInstanceLock: () => {
    record.calls.push('app.requestSingleInstanceLock');
    return true;
  },
  isPackaged: true,
  getName: () => 'Roledeck',
  getVersion: () => '0.0.0-stand-in',
  // A fresh folder that nothing reads: the boot test must not touch a real profile store.
  getPath: (name) => {
    record.calls.push(`app.getPath(${name})`);
    return `${process.env.ROLEDECK_STAND_IN_HOME ?? '/nonexistent/roledeck-stand-in'}/${name}`;
  },
  on: (event) => record.appListeners.push(event),
  once: (event) => record.appListeners.push(event),
  focus() {},
  whenReady: () => {
    // A real app runs until quit; this one stops once its CLI agent socket is up (it keeps the
    // event loop alive), or after 15 s so a broken start cannot hang the test.
    const endpoint = path.join(process.env.ROLEDECK_HOME ?? '/nonexistent', 'agent.json');
    const started = Date.now();
    const poll = setInterval(() => {
      record.agentEndpoint = existsSync(endpoint);
      if (record.agentEndpoint || Date.now() - started > 15_000) process.exit(0);
    }, 50);
    poll.unref();
    return Promise.resolve();
  },
  quit: () => record.calls.push('app.quit'),
  exit: (code) => record.calls.push(`app.exit(${code})`),
};

export class BrowserWindow {
  constructor(options) {
    this.entry = { options, loadedUrl: null, shown: false };
    record.windows.push(this.entry);
    windows.push(this);
    this.webContents = { send() {}, getURL: () => this.entry.loadedUrl ?? '', isDestroyed: () => false };
  }
  static getAllWindows() {
    return windows;
  }
  once() {}
  on() {}
  setBackgroundColor() {}
  loadURL(url) {
    this.entry.loadedUrl = url;
    return Promise.resolve();
  }
}

export const ipcMain = {
  handle: (channel) => record.ipcChannels.push(channel),
  removeHandler() {},
};

export const nativeTheme = { shouldUseDarkColors: false, on() {} };

export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => (record.session.permissionRequest = true),
    setPermissionCheckHandler: () => (record.session.permissionCheck = true),
    setDevicePermissionHandler: () => (record.session.devicePermission = true),
    webRequest: { onHeadersReceived: () => (record.session.headersReceived = true) },
  },
};

export const shell = { openExternal: () => Promise.resolve() };

export const nativeImage = {
  createFromBuffer: (buffer, options) => ({ size: buffer.length, scaleFactor: options?.scaleFactor ?? 1, setTemplateImage() {} }),
};

const menuWords = (template) =>
  template.flatMap((item) => [item.role ?? item.label ?? item.type, ...(Array.isArray(item.submenu) ? menuWords(item.submenu) : [])]);

export const Menu = {
  // The template itself stands in for the menu, so the record can list its labels.
  buildFromTemplate: (template) => template,
  setApplicationMenu: (menu) => (record.applicationMenu = menu ? menuWords(menu) : null),
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => record.protocol.privileged.push(...schemes),
  handle: (scheme) => record.protocol.handled.push(scheme),
};

export class Tray {
  constructor(image) {
    record.tray = { imageBytes: image.size, toolTip: '', menu: [] };
  }
  setToolTip(toolTip) {
    record.tray.toolTip = toolTip;
  }
  setTitle() {}
  setContextMenu(menu) {
    record.tray.menu = menu.map((item) => item.label ?? item.type);
  }
  destroy() {}
}

export class Notification {
  static isSupported() {
    return false;
  }
}

export const powerMonitor = {
  on: (event) => record.powerListeners.push(event),
  off() {},
};

export const clipboard = {
  write: () => Promise.resolve(),
  readText: () => Promise.resolve(''),
  clear() {},
};

export class ClipboardItem {
  constructor(items) {
    this.types = Object.keys(items);
  }
}
