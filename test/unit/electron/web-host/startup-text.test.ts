import { describe, expect, it } from 'vitest';
import { startupText } from '../../../../electron/web-host/startup-text';
import { keychainFix } from '../../../../shared/logic/keychain-help';

const URL = 'http://127.0.0.1:4000/?token=abc';

describe('what npm start prints', () => {
  it('with a keychain: the services it runs with, the address, and a token that is not called one-time', () => {
    const text = startupText({ url: URL, home: '/home/jane/.config/Roledeck', homeExists: true, keychain: { backend: 'secret-service', state: 'ready', message: '' }, agent: true });
    expect(text).toBe(
      [
        'Roledeck is running in your browser with its services: the OS keychain, your profile store, ~/.aws and the AWS SDK.',
        `  Open: ${URL}`,
        '  Data: /home/jane/.config/Roledeck',
        '  The address carries a secret token that lets a browser in until you stop Roledeck: keep it to yourself. Stop with Ctrl+C.',
        '',
      ].join('\n'),
    );
    expect(text).not.toMatch(/one-time/i);
  });

  it('without one: never "with its services", but the state, why, and the fix for this platform', () => {
    const keychain = {
      backend: 'secret-service' as const,
      state: 'unavailable' as const,
      message: 'The OS keychain cannot be reached.',
      fix: keychainFix('secret-service', 'unavailable'),
    };
    const text = startupText({ url: URL, home: '/home/jane/.config/Roledeck', homeExists: false, keychain, agent: false });
    expect(text).not.toContain('with its services');
    expect(text).toContain('Roledeck is running in your browser WITHOUT a keychain (none can be reached)');
    expect(text).toContain('  Keychain: The OS keychain cannot be reached.\n');
    expect(text).toContain('  Fix: Install and unlock a Secret Service provider: GNOME Keyring');
    expect(text).toContain('KeePassXC');
    expect(text).toContain('dbus-run-session');
    expect(text).toContain('  Data: /home/jane/.config/Roledeck (created when Roledeck first saves something)\n');
  });

  it('has a fix for each platform and state, and none when ready', () => {
    expect(keychainFix('secret-service', 'locked')).toMatch(/^Unlock your login keyring/);
    expect(keychainFix('macos-keychain', 'locked')).toMatch(/Keychain Access/);
    expect(keychainFix('macos-keychain', 'unavailable')).toMatch(/^macOS denied access/);
    expect(keychainFix('windows-credential-manager', 'unavailable')).toMatch(/^Windows Credential Manager denied access/);
    expect(keychainFix('secret-service', 'ready')).toBe('');
  });
});
