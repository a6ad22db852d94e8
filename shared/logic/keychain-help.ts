import type { KeychainBackend, KeychainState } from '../domain/keychain';

/**
 * What to do about a keychain that is not ready, per platform, in one place: `npm start` prints it
 * in the terminal and the window shows it under the keychain banner. Locked is a normal moment
 * (unlock it); unavailable needs something installed, started or allowed.
 */
export function keychainFix(backend: KeychainBackend, state: KeychainState): string {
  if (state === 'ready') return '';
  switch (backend) {
    case 'secret-service':
      return state === 'locked'
        ? 'Unlock your login keyring (Passwords and Keys, or your desktop’s keyring prompt), or unlock the database in KeePassXC, then check again.'
        : 'Install and unlock a Secret Service provider: GNOME Keyring (sudo apt install gnome-keyring, then log in again) or KeePassXC with its Secret Service integration turned on. ' +
            'Without a desktop session, start a session keyring for this terminal: dbus-run-session -- bash, then run gnome-keyring-daemon --unlock --components=secrets (type a password, then Ctrl+D) and start Roledeck from that shell.';
    case 'macos-keychain':
      return state === 'locked'
        ? 'Your login keychain is locked: unlock it in Keychain Access (or log in again), then check again.'
        : 'macOS denied access to your login keychain: open Keychain Access, make sure the login keychain exists and is unlocked, and allow access when macOS asks, then check again.';
    case 'windows-credential-manager':
      return state === 'locked'
        ? 'Windows Credential Manager is locked: sign in to Windows again, then check again.'
        : 'Windows Credential Manager denied access: sign in with your own Windows account (not a guest or service account) and check again.';
    case 'memory':
      return '';
  }
}
