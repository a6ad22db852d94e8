import type { KeychainStatus } from '../../shared/domain/keychain';

/**
 * What `npm start` prints once the browser preview runs: whether it really has its services (the
 * keychain decides: without it nothing secret can be read or stored), what to do if not, where to
 * open it, and what the token in the address is. Pure, so its words are tested.
 */
export function startupText(options: { url: string; home: string; homeExists: boolean; keychain: KeychainStatus; agent: boolean }): string {
  const { keychain } = options;
  const ready = keychain.state === 'ready';
  const lines = ready
    ? ['Roledeck is running in your browser with its services: the OS keychain, your profile store, ~/.aws and the AWS SDK.']
    : [
        `Roledeck is running in your browser WITHOUT a keychain (${keychain.state === 'locked' ? 'it is locked' : 'none can be reached'}): it cannot read or save profiles or secrets until the keychain is ready.`,
        `  Keychain: ${keychain.message}`,
        ...(keychain.fix ? [`  Fix: ${keychain.fix}`] : []),
        '  The window says the same and checks again when you ask.',
      ];
  lines.push(`  Open: ${options.url}`);
  lines.push(`  Data: ${options.home}${options.homeExists ? '' : ' (created when Roledeck first saves something)'}`);
  if (!options.agent) lines.push('  The roledeck command uses the keychain itself while this window runs without one.');
  lines.push('  The address carries a secret token that lets a browser in until you stop Roledeck: keep it to yourself. Stop with Ctrl+C.');
  lines.push('');
  return lines.join('\n');
}
