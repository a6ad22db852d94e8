import type { ReactElement } from 'react';
import { SECTIONS, shortcutLabel } from '../../app/sections';
import type { ThemePreference } from '../../app/theme';
import type { AppStatus } from '../../app/use-app-status';
import { paletteShortcutLabel } from '../palette/CommandPalette';
import { StorePanel } from '../store/StorePanel';
import type { StoreState } from '../store/use-store-status';
import { ClipboardSettings } from './ClipboardSettings';
import { CliInstallSettings } from './CliInstallSettings';
import { RoleAllowListEditor } from './RoleAllowListEditor';
import { SigninSettings } from './SigninSettings';
import { ThemeControl } from './ThemeControl';

interface SettingsSectionProps {
  theme: ThemePreference;
  onThemeChange: (next: ThemePreference) => void;
  status: AppStatus;
  store: StoreState;
  onStartOver: () => void;
  isMac: boolean;
}

const BACKEND_NAMES = {
  'secret-service': 'Secret Service (GNOME Keyring or KWallet)',
  'macos-keychain': 'macOS Keychain',
  'windows-credential-manager': 'Windows Credential Manager',
  memory: 'In memory (nothing is kept)',
} as const;

function describeRuntime(status: AppStatus): string {
  if (status.info.state === 'loading') return 'Checking…';
  if (status.info.state === 'failed') return `Unknown: ${status.info.message}`;
  const { runtime } = status.info.value;
  return runtime.kind === 'electron'
    ? `Electron ${runtime.version}`
    : `Node.js ${runtime.version} (browser host: for development and tests)`;
}

export function SettingsSection({ theme, onThemeChange, status, store, onStartOver, isMac }: SettingsSectionProps): ReactElement {
  const { info, keychain } = status;
  return (
    <div className="settings">
      <section className="panel" aria-labelledby="settings-appearance">
        <h2 id="settings-appearance" className="panel__title">
          Appearance
        </h2>
        <ThemeControl value={theme} onChange={onThemeChange} />
      </section>

      <ClipboardSettings />

      <RoleAllowListEditor />

      <SigninSettings />

      <CliInstallSettings />

      <StorePanel status={store.status} onStartOver={onStartOver} onShown={store.refresh} />

      <section className="panel" aria-labelledby="settings-shortcuts">
        <h2 id="settings-shortcuts" className="panel__title">
          Keyboard
        </h2>
        <dl className="facts">
          {SECTIONS.map((section, index) => (
            <div key={section.id} className="facts__row">
              <dt>{section.label}</dt>
              <dd>
                <kbd>{shortcutLabel(index, isMac)}</kbd>
              </dd>
            </div>
          ))}
          <div className="facts__row">
            <dt>Move between sections in the sidebar</dt>
            <dd>
              <kbd>↑</kbd> <kbd>↓</kbd> <kbd>Home</kbd> <kbd>End</kbd>
            </dd>
          </div>
          <div className="facts__row">
            <dt>Go to a profile or section (command palette)</dt>
            <dd>
              <kbd>{paletteShortcutLabel(isMac)}</kbd>
            </dd>
          </div>
          <div className="facts__row">
            <dt>Search profiles (Accounts)</dt>
            <dd>
              <kbd>/</kbd>
            </dd>
          </div>
          <div className="facts__row">
            <dt>In the profile list: move, edit, remove</dt>
            <dd>
              <kbd>↑</kbd> <kbd>↓</kbd> <kbd>PgUp</kbd> <kbd>PgDn</kbd> · <kbd>Enter</kbd> · <kbd>Delete</kbd>
            </dd>
          </div>
        </dl>
      </section>

      <section className="panel" aria-labelledby="settings-about">
        <h2 id="settings-about" className="panel__title">
          About
        </h2>
        <dl className="facts">
          <div className="facts__row">
            <dt>Version</dt>
            <dd>
              {info.state === 'loaded' ? info.value.version : info.state === 'loading' ? 'Checking…' : 'Unknown'}
            </dd>
          </div>
          <div className="facts__row">
            <dt>Runs on</dt>
            <dd>{describeRuntime(status)}</dd>
          </div>
          <div className="facts__row">
            <dt>Keychain</dt>
            <dd>
              {keychain.state === 'loaded'
                ? `${BACKEND_NAMES[keychain.value.backend]}: ${keychain.value.state}`
                : keychain.state === 'loading'
                  ? 'Checking…'
                  : `Unknown: ${keychain.message}`}
            </dd>
          </div>
        </dl>
      </section>
    </div>
  );
}
