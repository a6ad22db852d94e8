import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../../../electron/main/window/app-menu';

function roles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('application menu', () => {
  it('offers no reload and no DevTools in a packaged build, on any platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const all = roles(appMenuTemplate({ platform, packaged: true, appName: 'Roledeck' }));
      expect(all, platform).not.toContain('toggleDevTools');
      expect(all, platform).not.toContain('reload');
      expect(all, platform).not.toContain('forceReload');
      // Copy and paste keep working in text fields (macOS routes the shortcuts through the menu).
      expect(all, platform).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'quit']));
    }
  });

  it('keeps reload and DevTools for a development build', () => {
    expect(roles(appMenuTemplate({ platform: 'linux', packaged: false, appName: 'Roledeck' }))).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
  });

  it('puts the app menu first on macOS', () => {
    expect(appMenuTemplate({ platform: 'darwin', packaged: true, appName: 'Roledeck' })[0]?.label).toBe('Roledeck');
  });
});
