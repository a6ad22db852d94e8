import { describe, expect, it } from 'vitest';
import { cmdAssignment, credentialProcessJson, ExportError, formatExport, powershellQuote, type ExportableSession } from '../../../../shared/logic/shell-export';

const session: ExportableSession = {
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjE+/==',
  expiresAt: Date.UTC(2026, 10, 28, 18, 0, 0),
  region: 'eu-west-1',
  profileName: 'acme-prod',
};

describe('shell exports', () => {
  it('sets every variable and clears a stale AWS_PROFILE in bash', () => {
    expect(formatExport('bash', session)).toBe(
      [
        'unset AWS_PROFILE',
        "export AWS_ACCESS_KEY_ID='ASIAIOSFODNN7EXAMPLE'",
        "export AWS_SECRET_ACCESS_KEY='wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'",
        "export AWS_SESSION_TOKEN='IQoJb3JpZ2luX2VjE+/=='",
        "export AWS_REGION='eu-west-1'",
        "export AWS_DEFAULT_REGION='eu-west-1'",
        "export AWS_CREDENTIAL_EXPIRATION='2026-11-28T18:00:00.000Z'",
        '',
      ].join('\n'),
    );
  });

  it('clears a stale session token and expiry when exporting long-term keys', () => {
    const out = formatExport('fish', { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: session.secretAccessKey, profileName: 'me' });
    expect(out).toContain('set -e AWS_SESSION_TOKEN');
    expect(out).toContain('set -e AWS_CREDENTIAL_EXPIRATION');
    expect(out).not.toContain('set -gx AWS_SESSION_TOKEN');
  });

  it('writes PowerShell with $Env: and verbatim strings, doubling quotes', () => {
    const out = formatExport('powershell', session);
    expect(out).toContain("$Env:AWS_SESSION_TOKEN = 'IQoJb3JpZ2luX2VjE+/=='");
    expect(out).toContain('Remove-Item Env:AWS_PROFILE -ErrorAction SilentlyContinue');
    expect(powershellQuote("it's $HOME `n")).toBe("'it''s $HOME `n'");
  });

  it('writes cmd with set "NAME=value" and refuses what cmd cannot take literally', () => {
    const out = formatExport('cmd', session);
    expect(out).toContain('set "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"');
    expect(out).toContain('set "AWS_PROFILE="');
    expect(cmdAssignment('X', 'a&b|c<d>e^f')).toBe('set "X=a&b|c<d>e^f"');
    expect(() => cmdAssignment('X', '100%')).toThrow(ExportError);
  });

  it('writes .env values bare and refuses characters parsers disagree on', () => {
    expect(formatExport('dotenv', session)).toContain('AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjE+/==\n');
    expect(formatExport('dotenv', session)).not.toContain('AWS_PROFILE');
    expect(() => formatExport('dotenv', { ...session, sessionToken: 'a b' })).toThrow(/\.env parsers/);
  });

  it('writes the credential_process JSON with Version 1', () => {
    expect(credentialProcessJson(session)).toEqual({
      Version: 1,
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: '2026-11-28T18:00:00.000Z',
    });
    expect(JSON.parse(formatExport('json', session))).toEqual(credentialProcessJson(session));
  });

  it('writes a credentials-file block', () => {
    expect(formatExport('ini', session)).toBe(
      `[acme-prod]\naws_access_key_id = ASIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${session.secretAccessKey}\naws_session_token = ${session.sessionToken}\nregion = eu-west-1\n`,
    );
  });

  it('refuses values with a line break in every format', () => {
    for (const format of ['bash', 'fish', 'powershell', 'cmd', 'dotenv', 'json', 'ini'] as const) {
      expect(() => formatExport(format, { ...session, sessionToken: 'a\nexport X=1' })).toThrow(ExportError);
    }
  });
});
