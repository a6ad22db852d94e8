import { describe, expect, it } from 'vitest';
import { resolveAppHome } from '../../../../../electron/node/app/app-home';

describe('resolveAppHome: where the profile store lives', () => {
  it('is the desktop app’s own folder on each platform, or ROLEDECK_HOME', () => {
    expect(resolveAppHome({}, 'linux', '/home/jane')).toBe('/home/jane/.config/Roledeck');
    expect(resolveAppHome({ XDG_CONFIG_HOME: '/data/config' }, 'linux', '/home/jane')).toBe('/data/config/Roledeck');
    expect(resolveAppHome({}, 'darwin', '/Users/jane')).toBe('/Users/jane/Library/Application Support/Roledeck');
    expect(resolveAppHome({ ROLEDECK_HOME: '/tmp/rd' }, 'linux', '/home/jane')).toBe('/tmp/rd');
  });

  it('ignores an empty or relative XDG_CONFIG_HOME instead of making a data folder wherever the command runs', () => {
    expect(resolveAppHome({ XDG_CONFIG_HOME: '' }, 'linux', '/home/jane')).toBe('/home/jane/.config/Roledeck');
    expect(resolveAppHome({ XDG_CONFIG_HOME: 'config' }, 'linux', '/home/jane')).toBe('/home/jane/.config/Roledeck');
  });
});
