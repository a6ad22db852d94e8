import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEVICE, sessionWorld } from './session-world';

const script = path.resolve(import.meta.dirname, '../../../../fixtures/mfa-process/fake-ykman.sh');

describe('the app takes a device’s code from its MFA process before opening a prompt', () => {
  it('starts two roles on one device with the command’s code, without showing a prompt', async () => {
    const world = sessionWorld();
    await world.addUser();
    const prod = await world.addRole('acme-prod', 'consultant');
    const staging = await world.addRole('acme-staging', 'consultant');
    await world.services.settings.updateSettings({ mfaProcess: { deviceSerial: DEVICE, command: `${script} ok 246810` } });

    await Promise.all([world.sessions.start(prod.id), world.sessions.start(staging.id)]);

    const mfaCalls = world.sts.calls.filter((call) => call.operation === 'GetSessionToken');
    expect(mfaCalls).toHaveLength(1);
    expect(mfaCalls[0]!.input).toMatchObject({ serialNumber: DEVICE, tokenCode: '246810' });
    expect(world.prompter.shown).toEqual([]);
    expect(world.lines.join('\n')).not.toContain('246810');
  });

  it('opens the prompt as before once the device’s command is removed', async () => {
    const world = sessionWorld();
    await world.addUser();
    const prod = await world.addRole('acme-prod', 'consultant');
    await world.services.settings.updateSettings({ mfaProcess: { deviceSerial: DEVICE, command: `${script} ok` } });
    await world.services.settings.updateSettings({ mfaProcess: { deviceSerial: DEVICE, command: '' } });
    world.prompter.codes = ['135790'];

    await world.sessions.start(prod.id);

    expect(world.prompter.shown).toHaveLength(1);
    expect((await world.store.read()).settings.mfaProcesses).toBeUndefined();
  });
});
