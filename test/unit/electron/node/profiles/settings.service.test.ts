import { describe, expect, it } from 'vitest';
import { createServices } from '../../../../../electron/node/app/services';
import { roleSessionItem } from '../../../../../shared/domain/keychain-items';
import { fakePorts } from '../../../../fakes/ports';

const user = { name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

function setup() {
  const fakes = fakePorts();
  const services = createServices(fakes.ports);
  const events: Array<{ event: string; payload: unknown }> = [];
  services.events.connect({ emit: (event, payload) => events.push({ event, payload }) });
  return { ...services, ...fakes, events };
}

describe('SettingsService', () => {
  it('forgets the cached sessions of roles a narrowed allow-list no longer accepts', async () => {
    const { profiles, settings, secrets } = setup();
    await profiles.addUser(user);
    const admin = await profiles.addRole({ name: 'admin', source: 'consultant', accountId: '123456789012', roleName: 'Admin' });
    const deploy = await profiles.addRole({ name: 'deploy', source: 'consultant', accountId: '123456789012', roleName: 'ExampleRoleName' });
    await secrets.set(`session/${admin.id}`, new Uint8Array([1]));
    await secrets.set(`session/${deploy.id}`, new Uint8Array([1]));
    await settings.updateSettings({ roleNameAllowList: ['ExampleRoleName'] });
    expect(await secrets.get(`session/${admin.id}`)).toBeNull();
    expect(await secrets.get(`session/${deploy.id}`)).not.toBeNull();
  });

  it('also forgets roles assumed through a role the allow-list no longer accepts', async () => {
    const { profiles, settings, secrets } = setup();
    await profiles.addUser(user);
    const hub = await profiles.addRole({ name: 'hub', source: 'consultant', accountId: '123456789012', roleName: 'Hub' });
    const prod = await profiles.addRole({ name: 'prod', source: 'hub', accountId: '123456789012', roleName: 'ExampleRoleName' });
    await secrets.set(roleSessionItem(hub.id), new Uint8Array([1]));
    await secrets.set(roleSessionItem(prod.id), new Uint8Array([1]));
    await settings.updateSettings({ roleNameAllowList: ['ExampleRoleName'] });
    expect(secrets.items.has(roleSessionItem(hub.id))).toBe(false);
    expect(secrets.items.has(roleSessionItem(prod.id))).toBe(false);
  });

  it('announces every change, so the window and the tray follow one made in the other', async () => {
    const { settings, events, store } = setup();
    const changed = await settings.updateSettings({ preferredShell: 'fish', clipboardClearSeconds: 30 });
    expect(changed).toMatchObject({ preferredShell: 'fish', clipboardClearSeconds: 30 });
    expect(store.document.settings).toMatchObject({ preferredShell: 'fish', clipboardClearSeconds: 30 });
    expect(events).toEqual([{ event: 'settings.changed', payload: changed }]);
    expect(await settings.settings()).toEqual(changed);
  });
});
