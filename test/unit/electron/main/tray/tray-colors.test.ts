import type { MenuItemConstructorOptions, NativeImage } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildTrayModel } from '../../../../../electron/main/tray/tray-menu';
import { toMenuTemplate } from '../../../../../electron/main/tray/tray.controller';
import { swatchBitmap } from '../../../../../electron/main/tray/tray-swatch';
import type { ProfileView } from '../../../../../shared/domain/profile-view';

const NOW = Date.UTC(2025, 5, 2, 15, 31);

function role(id: string, overrides: Partial<Extract<ProfileView, { kind: 'role' }>> = {}): ProfileView {
  return {
    kind: 'role',
    id,
    name: id,
    roleArn: `arn:aws:iam::123456789012:role/${id}`,
    accountId: '123456789012',
    roleName: id,
    partition: 'aws',
    sourceId: 'consultant',
    sourceName: 'consultant',
    chain: ['consultant', id],
    ...overrides,
  };
}

const live = (profileId: string) => ({
  profileId,
  profileName: profileId,
  kind: 'role' as const,
  state: 'active' as const,
  expiresAt: NOW + 3_600_000,
  cachedIn: 'keychain' as const,
  refreshNeedsMfa: false,
  chain: ['consultant', profileId],
});

describe('customer colours in the tray', () => {
  const profiles = [role('acme-prod', { label: 'Acme' }), role('acme-dev', { label: 'acme', color: '#e03131' }), role('sandbox')];
  const model = buildTrayModel({
    snapshot: { activeProfileId: 'acme-prod', sessions: [live('acme-prod'), live('sandbox')] },
    profiles,
    now: NOW,
    platform: 'linux',
    customers: [{ name: 'Acme', color: '#7048e8' }],
  });

  it('puts the customer\'s colour beside the session in use and its line in the list, as the window does', () => {
    const colored = model.entries.flatMap((entry) => (entry.kind === 'label' || entry.kind === 'command' ? [[entry.label, entry.color]] : []));
    expect(colored).toContainEqual(['In use: acme-prod (Acme) — 1 h left', '#7048e8']);
    expect(colored).toContainEqual(['acme-prod (Acme) — 1 h left', '#7048e8']);
    expect(colored).toContainEqual(['sandbox — 1 h left', undefined]);
  });

  it('turns a colour into the menu item\'s icon when the app can draw one', () => {
    const drawn: string[] = [];
    const icon = (color: string): NativeImage => {
      drawn.push(color);
      return { color } as unknown as NativeImage;
    };
    const template: MenuItemConstructorOptions[] = toMenuTemplate(model, () => undefined, icon);
    expect(template.filter((item) => item.icon !== undefined).map((item) => item.label)).toEqual(['In use: acme-prod (Acme) — 1 h left', 'acme-prod (Acme) — 1 h left']);
    expect(new Set(drawn)).toEqual(new Set(['#7048e8']));
    expect(toMenuTemplate(model, () => undefined).some((item) => item.icon !== undefined)).toBe(false);
  });

  it('draws a swatch as a rounded square of the colour with transparent corners (BGRA)', () => {
    const size = 32;
    const pixels = swatchBitmap('#7048e8', size);
    expect(pixels.length).toBe(size * size * 4);
    const at = (x: number, y: number) => Array.from(pixels.subarray((y * size + x) * 4, (y * size + x) * 4 + 4));
    expect(at(16, 16)).toEqual([0xe8, 0x48, 0x70, 255]);
    expect(at(0, 0)).toEqual([0, 0, 0, 0]);
    expect(at(4, 4)).toEqual([0, 0, 0, 0]);
    expect(() => swatchBitmap('purple', size)).toThrow(/#rrggbb/);
  });
});
