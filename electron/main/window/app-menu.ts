import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. Electron's default menu offers Reload, Force Reload and Toggle Developer
 * Tools to anyone at the keyboard; a packaged Roledeck has none of them (DevTools on a window that
 * can show credentials is a way around everything the renderer hides). What stays: the edit roles,
 * which make Cmd/Ctrl+C, V, X, A, Z work in text fields (macOS routes them through the menu), and
 * the window roles. A development build (`electron-forge start`) keeps reload and DevTools.
 */
export function appMenuTemplate(options: { platform: NodeJS.Platform; packaged: boolean; appName: string }): MenuItemConstructorOptions[] {
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  const window: MenuItemConstructorOptions = { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'close' }] };
  const development: MenuItemConstructorOptions[] = options.packaged
    ? []
    : [{ label: 'Development', submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] }];
  if (options.platform === 'darwin') {
    const app: MenuItemConstructorOptions = {
      label: options.appName,
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    };
    return [app, edit, window, ...development];
  }
  return [{ label: 'File', submenu: [{ role: 'quit' }] }, edit, window, ...development];
}
