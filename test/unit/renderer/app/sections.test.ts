import { describe, expect, it } from 'vitest';
import { sectionForShortcut, sectionFromHash, SECTIONS, type ShortcutKeyEvent } from '../../../../renderer/src/app/sections';

const key = (overrides: Partial<ShortcutKeyEvent>): ShortcutKeyEvent => ({
  key: '1',
  code: 'Digit1',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...overrides,
});

describe('section shortcuts', () => {
  it('maps Ctrl+1..7 to the sidebar order on Windows and Linux', () => {
    const ids = SECTIONS.map((_, index) =>
      sectionForShortcut(key({ key: String(index + 1), code: `Digit${index + 1}`, ctrlKey: true }), false),
    );
    expect(ids).toEqual(['accounts', 'sessions', 'deploy', 'cloudfront', 'onboarding', 'audit', 'settings']);
  });

  it('uses Cmd, not Ctrl, on macOS', () => {
    expect(sectionForShortcut(key({ metaKey: true }), true)).toBe('accounts');
    expect(sectionForShortcut(key({ ctrlKey: true }), true)).toBeNull();
    expect(sectionForShortcut(key({ metaKey: true }), false)).toBeNull();
  });

  it('reads the physical digit key, so layouts that need Shift for digits work', () => {
    // AZERTY: the key labelled "&" / "1" reports key "&" without Shift.
    expect(sectionForShortcut(key({ key: '&', code: 'Digit1', ctrlKey: true }), false)).toBe('accounts');
    expect(sectionForShortcut(key({ key: '2', code: 'Digit2', ctrlKey: true, shiftKey: true }), false)).toBe('sessions');
    expect(sectionForShortcut(key({ key: '3', code: 'Numpad3', ctrlKey: true }), false)).toBe('deploy');
  });

  it('ignores plain digits, Alt combinations and digits without a section', () => {
    expect(sectionForShortcut(key({}), false)).toBeNull();
    expect(sectionForShortcut(key({ ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(sectionForShortcut(key({ key: '8', code: 'Digit8', ctrlKey: true }), false)).toBeNull();
    expect(sectionForShortcut(key({ key: 'a', code: 'KeyA', ctrlKey: true }), false)).toBeNull();
  });
});

describe('section from the URL hash', () => {
  it('reads #/<section> and falls back to Accounts for anything else', () => {
    expect(sectionFromHash('#/sessions')).toBe('sessions');
    expect(sectionFromHash('#/cloudfront/anything')).toBe('cloudfront');
    expect(sectionFromHash('')).toBe('accounts');
    expect(sectionFromHash('#main')).toBe('accounts');
    expect(sectionFromHash('#/constructor')).toBe('accounts');
  });
});
