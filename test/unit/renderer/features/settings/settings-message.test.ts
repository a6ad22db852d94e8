import { describe, expect, it } from 'vitest';
import { clearDelayText, parseSeconds, settingMessage } from '../../../../../renderer/src/features/settings/settings-message';

describe('settings messages', () => {
  it('keeps only the rule of a refused setting, as a sentence', () => {
    expect(settingMessage('Invalid request for settings.update: clipboardClearSeconds: at most 3,600 seconds (1 hour)')).toBe(
      'At most 3,600 seconds (1 hour).',
    );
    expect(settingMessage('Invalid request for settings.update: clipboardClearSeconds: at least 0 seconds')).toBe('At least 0 seconds.');
    expect(settingMessage('Your keychain is locked. Unlock it and try again.')).toBe('Your keychain is locked. Unlock it and try again.');
  });

  it('reads whole seconds only', () => {
    expect(parseSeconds('45')).toBe(45);
    expect(parseSeconds(' 0 ')).toBe(0);
    expect(parseSeconds('5000')).toBe(5000);
    expect(parseSeconds('')).toBeNull();
    expect(parseSeconds('1.5')).toBeNull();
    expect(parseSeconds('-3')).toBeNull();
    expect(parseSeconds('1e3')).toBeNull();
  });

  it('says what the delay means', () => {
    expect(clearDelayText(0)).toBe('Copied credentials stay on the clipboard until you copy something else.');
    expect(clearDelayText(1)).toBe('Copied credentials are cleared from the clipboard after 1 second.');
    expect(clearDelayText(3600)).toBe('Copied credentials are cleared from the clipboard after 3,600 seconds.');
  });
});
