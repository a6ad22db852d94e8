import { describe, expect, it } from 'vitest';
import { CODE_REJECTED_PROBLEM, MfaBroker } from '../../../../../electron/node/sessions/mfa-broker';
import { FakeScheduler, settle } from '../../../../fakes/fake.scheduler';
import { FakeClock } from '../../../../fakes/ports';
import { ScriptedMfaPrompter } from '../../../../fakes/scripted.mfa-prompter';
import { awsError } from '../../../../fakes/scripted.sts-gateway';

const DEVICE = 'arn:aws:iam::111111111111:mfa/consultant';

function broker(options: { timeout?: number } = {}) {
  const clock = new FakeClock();
  const scheduler = new FakeScheduler(clock);
  const prompter = new ScriptedMfaPrompter();
  let id = 0;
  const mfa = new MfaBroker(prompter, clock, {
    scheduler,
    ...(options.timeout ? { promptTimeoutMs: options.timeout } : {}),
    newId: () => `prompt-${++id}`,
  });
  return { clock, scheduler, prompter, mfa };
}

const request = (operationKey: string, reason = 'to start an MFA session for consultant (12 h)') => ({
  operationKey,
  deviceSerial: DEVICE,
  profileName: 'acme-prod',
  reason,
});

describe('MfaBroker', () => {
  it('gives every caller of one operation the result of one prompt and one use of the code', async () => {
    const { prompter, mfa } = broker();
    const used: string[] = [];
    const use = async (code: string) => {
      used.push(code);
      return `session-for-${code}`;
    };

    const results = Promise.all([mfa.run(request('mfa-session/u1'), { use }), mfa.run(request('mfa-session/u1'), { use }, 2)]);
    await settle();
    expect(prompter.updates.at(-1) ?? prompter.shown[0]).toMatchObject({ id: 'prompt-1', waiting: 3 });
    prompter.answer('123456');

    expect(await results).toEqual(['session-for-123456', 'session-for-123456']);
    expect(used).toEqual(['123456']);
    expect(prompter.shown).toHaveLength(1);
  });

  it('runs a second operation on the same device after the first, with a new prompt that says why', async () => {
    const { prompter, mfa } = broker();
    const first = mfa.run(request('mfa-session/u1'), { use: async (code) => code });
    const second = mfa.run(request('assume/r1', 'to assume guarded'), { use: async (code) => code });
    await settle();
    expect(prompter.shown).toHaveLength(1);
    prompter.answer('111111');
    expect(await first).toBe('111111');
    await settle();

    expect(prompter.shown).toHaveLength(2);
    expect(prompter.shown[1]).toMatchObject({ reason: 'to assume guarded', attempt: 1 });
    expect(prompter.shown[1]?.problem).toMatch(/just used to start an MFA session for consultant.*Wait for the next code/);
    prompter.answer('222222');
    expect(await second).toBe('222222');
  });

  it('skips the prompt when the operation finds a result another caller stored meanwhile', async () => {
    const { prompter, mfa } = broker();
    const result = await mfa.run(request('mfa-session/u1'), { reuse: async () => 'cached', use: async () => 'fresh' });
    expect(result).toBe('cached');
    expect(prompter.shown).toHaveLength(0);
  });

  it('asks again, attempt 2, when AWS rejects the code; other errors end the operation', async () => {
    const { prompter, mfa } = broker();
    prompter.codes = ['000000', '123456'];
    let calls = 0;
    const result = await mfa.run(request('k'), {
      use: async (code) => {
        calls += 1;
        if (code === '000000') throw awsError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code. ');
        return code;
      },
    });
    expect(result).toBe('123456');
    expect(calls).toBe(2);
    expect(prompter.shown[1]).toMatchObject({ attempt: 2, problem: CODE_REJECTED_PROBLEM });

    prompter.codes = ['111111'];
    const denied = awsError('AccessDenied', 'User: arn:aws:iam::111111111111:user/consultant is not authorized to perform: sts:AssumeRole');
    await expect(mfa.run(request('k2'), { use: () => Promise.reject(denied) })).rejects.toBe(denied);
    expect(prompter.shown).toHaveLength(3);
  });

  it('asks again when what was typed is not six digits, without calling AWS', async () => {
    const { prompter, mfa } = broker();
    prompter.codes = ['12345', ' 123456 '];
    const used: string[] = [];
    await mfa.run(request('k'), { use: async (code) => used.push(code) });
    expect(used).toEqual(['123456']);
    expect(prompter.shown[1]?.problem).toBe('An MFA code is the 6 digits your device shows.');
  });

  it('closes a prompt nobody answers and rejects its callers with MFA_CANCELLED', async () => {
    const { prompter, scheduler, mfa } = broker({ timeout: 5 * 60_000 });
    const waiting = mfa.run(request('k'), { use: async (code) => code }).catch((error: unknown) => error);
    await scheduler.advance(5 * 60_000);
    expect(await waiting).toMatchObject({ code: 'MFA_CANCELLED', message: expect.stringMatching(/in time/) });
    expect(prompter.current()).toBeUndefined();
  });
});

describe('MfaBroker: callers joining an open prompt', () => {
  it('updates the open prompt’s waiting count', async () => {
    const { prompter, mfa } = broker();
    const first = mfa.run(request('k'), { use: async (code) => code });
    await settle();
    expect(prompter.shown[0]?.waiting).toBe(1);
    const second = mfa.run(request('k'), { use: async (code) => code });
    expect(prompter.updates.at(-1)).toMatchObject({ id: 'prompt-1', waiting: 2 });
    prompter.answer('123456');
    expect(await Promise.all([first, second])).toEqual(['123456', '123456']);
  });
});
