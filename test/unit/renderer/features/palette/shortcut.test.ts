import { describe, expect, it } from 'vitest';
import { isPaletteShortcut, paletteShortcutLabel } from '../../../../../renderer/src/features/palette/CommandPalette';

const key = (overrides: Partial<{ key: string; code: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }>) => ({
  key: 'k',
  code: 'KeyK',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...overrides,
});

describe('the palette shortcut', () => {
  it('is Ctrl+K on Windows and Linux, Cmd+K on macOS', () => {
    expect(isPaletteShortcut(key({ ctrlKey: true }), false)).toBe(true);
    expect(isPaletteShortcut(key({ metaKey: true }), false)).toBe(false);
    expect(isPaletteShortcut(key({ metaKey: true }), true)).toBe(true);
    expect(isPaletteShortcut(key({ ctrlKey: true }), true)).toBe(false);
    expect(paletteShortcutLabel(false)).toBe('Ctrl+K');
    expect(paletteShortcutLabel(true)).toBe('⌘K');
  });

  it('reads the physical key, so layouts where K is elsewhere still work, and ignores other modifiers', () => {
    expect(isPaletteShortcut(key({ ctrlKey: true, key: 'л' }), false)).toBe(true);
    expect(isPaletteShortcut(key({ ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isPaletteShortcut(key({ ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(isPaletteShortcut(key({ key: 'k' }), false)).toBe(false);
  });
});
