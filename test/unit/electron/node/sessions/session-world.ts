/** A Roledeck with fake ports for session tests: scripted STS, scripted MFA prompter, fake clock and timers. */
import { createServices } from '../../../../../electron/node/app/services';
import type { EventName } from '../../../../../shared/contract';
import { FakeScheduler } from '../../../../fakes/fake.scheduler';
import { FakeClock, fakePorts } from '../../../../fakes/ports';
import { ScriptedMfaPrompter } from '../../../../fakes/scripted.mfa-prompter';
import { ScriptedStsGateway } from '../../../../fakes/scripted.sts-gateway';

export const USER_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
export const DEVICE = 'arn:aws:iam::111111111111:mfa/consultant';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export function sessionWorld(options: { withPrompter?: boolean } = {}) {
  const clock = new FakeClock();
  const scheduler = new FakeScheduler(clock);
  const sts = new ScriptedStsGateway(clock);
  const prompter = new ScriptedMfaPrompter();
  const fakes = fakePorts({ clock, scheduler, sts, ...(options.withPrompter === false ? {} : { mfaPrompter: prompter }) });
  const services = createServices(fakes.ports);
  const events: Array<{ event: EventName; payload: unknown }> = [];
  services.events.connect({ emit: (event, payload) => events.push({ event, payload }) });

  const addUser = (name = 'consultant', mfaSerial: string | null = DEVICE) =>
    services.profiles.addUser({ name, accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: USER_SECRET, ...(mfaSerial ? { mfaSerial } : {}) });
  const addRole = (name: string, source: string, extra: { externalId?: string; mfaSerial?: string; durationSeconds?: number; roleName?: string } = {}) =>
    services.profiles.addRole({ name, source, accountId: '222222222222', roleName: extra.roleName ?? `Role-${name}`, ...extra });

  return {
    ...fakes,
    clock,
    scheduler,
    sts,
    prompter,
    services,
    sessions: services.sessions,
    events,
    addUser,
    addRole,
    eventsNamed: (name: EventName) => events.filter((entry) => entry.event === name).map((entry) => entry.payload),
  };
}
