import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../../shared/logic/shell-export';
import {
  copyFailedText,
  copyLabel,
  copyStatusText,
  formatName,
  isExportFormat,
  preferredFormat,
} from '../../../../shared/logic/export-format';

const UTC = { locale: 'en-GB', timeZone: 'UTC' };
const AT_1432 = Date.UTC(2025, 5, 2, 14, 32);
const AT_1531 = Date.UTC(2025, 5, 2, 15, 31);

describe('export formats in the window', () => {
  it('labels the Copy button after the shell, or after the file format', () => {
    expect(copyLabel('bash')).toBe('Copy for bash');
    expect(copyLabel('zsh')).toBe('Copy for zsh');
    expect(copyLabel('fish')).toBe('Copy for fish');
    expect(copyLabel('powershell')).toBe('Copy for PowerShell');
    expect(copyLabel('cmd')).toBe('Copy for cmd');
    expect(copyLabel('dotenv')).toBe('Copy as .env');
    expect(copyLabel('json')).toBe('Copy as JSON');
    expect(copyLabel('ini')).toBe('Copy as INI');
  });

  it('names every format the main side can write, each differently', () => {
    const names = EXPORT_FORMATS.map(formatName);
    expect(new Set(names).size).toBe(EXPORT_FORMATS.length);
    expect(names.every((name) => name.length > 0)).toBe(true);
  });

  it('uses the stored preference when Roledeck knows it, else bash', () => {
    expect(preferredFormat({ preferredShell: 'fish' })).toBe('fish');
    expect(preferredFormat({ preferredShell: 'tcsh' })).toBe('bash');
    expect(preferredFormat({})).toBe('bash');
    expect(preferredFormat(null)).toBe('bash');
    expect(isExportFormat('powershell')).toBe(true);
    expect(isExportFormat('PowerShell')).toBe(false);
    expect(isExportFormat(undefined)).toBe(false);
  });

  it('says when the copy leaves the clipboard and until when the credentials work', () => {
    expect(copyStatusText({ format: 'fish', clearsAt: AT_1432, expiresAt: AT_1531 }, UTC)).toBe(
      'Copied for fish — clears from the clipboard at 14:32. The credentials work until 15:31.',
    );
    expect(copyStatusText({ format: 'json', clearsAt: AT_1432 }, UTC)).toBe('Copied as JSON — clears from the clipboard at 14:32.');
  });

  it('does not go on saying "clears at 14:32" after 14:32, nor that expired credentials work', () => {
    const result = { format: 'bash' as const, clearsAt: AT_1432, expiresAt: AT_1531 };
    expect(copyStatusText(result, UTC, AT_1432 - 1)).toBe('Copied for bash — clears from the clipboard at 14:32. The credentials work until 15:31.');
    expect(copyStatusText(result, UTC, AT_1432)).toBe('Copied for bash — no longer on the clipboard since 14:32. The credentials work until 15:31.');
    expect(copyStatusText(result, UTC, AT_1531 + 1)).toBe(
      'Copied for bash — no longer on the clipboard since 14:32. Those credentials expired at 15:31: copy again for a fresh session.',
    );
    expect(copyStatusText({ format: 'bash', clearsAt: null }, UTC, AT_1531 + 1)).toBe('Copied for bash — stays on the clipboard until you copy something else.');
  });

  it('says a copy stays when clearing is off', () => {
    expect(copyStatusText({ format: 'bash', clearsAt: null }, UTC)).toBe('Copied for bash — stays on the clipboard until you copy something else.');
  });

  it('names the profile and the format when a copy fails', () => {
    expect(copyFailedText('acme-prod', 'cmd', 'AWS_SESSION_TOKEN contains a character cmd.exe cannot take literally')).toBe(
      'Could not copy acme-prod for cmd: AWS_SESSION_TOKEN contains a character cmd.exe cannot take literally',
    );
  });
});
