import { describe, expect, it } from 'vitest';
import { isRoledeckCommand } from '../../../../shared/logic/roledeck-command';

describe('recognising Roledeck in credential_process', () => {
  it.each([
    'roledeck credential-process acme',
    '/usr/local/bin/roledeck credential-process acme',
    '"/Applications/Roledeck.app/Contents/Resources/bin/roledeck" credential-process --profile acme',
    '"C:\\Program Files\\Roledeck\\roledeck.exe" credential-process acme',
    'C:\\Users\\jane\\AppData\\Roaming\\npm\\roledeck.cmd credential-process acme',
    'npx --yes roledeck credential-process acme',
    'node /opt/roledeck/dist/cli/roledeck.mjs credential-process acme',
    '/usr/bin/env roledeck credential-process acme',
  ])('recognises %s', (command) => {
    expect(isRoledeckCommand(command)).toBe(true);
  });

  it.each([
    'aws-vault export --format=json acme',
    'granted credential-process --profile roledeck',
    '/opt/roledeck-tools/helper acme',
    'python3 get_creds.py roledeck',
    'sh -c "roledeck credential-process acme"',
  ])('does not mistake %s for Roledeck', (command) => {
    expect(isRoledeckCommand(command)).toBe(false);
  });
});
