import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MfaBroker } from '../../../../../electron/node/sessions/mfa-broker';
import { describe, expect, it } from 'vitest';
import type { MfaPrompt } from '../../../../../shared/domain/session';
import type { MfaPrompter } from '../../../../../shared/ports/mfa-prompter';
import { GivenCodeMfaPrompter, ProcessMfaPrompter } from '../../../../../electron/node/sessions/process.mfa-prompter';

const script = path.resolve(import.meta.dirname, '../../../../fixtures/mfa-process/fake-ykman.sh');
const DEVICE = 'arn:aws:iam::123456789012:mfa/jane';

function prompt(attempt = 1, problem?: string): MfaPrompt {
  return { id: 'p1', deviceSerial: DEVICE, profileName: 'acme-prod', reason: 'to assume acme-prod', attempt, waiting: 1, requestedAt: 0, ...(problem ? { problem } : {}) };
}

function person(answer = '654321'): MfaPrompter & { asked: number } {
  const fallback = {
    asked: 0,
    ask: () => {
      fallback.asked += 1;
      return Promise.resolve(answer);
    },
  };
  return fallback;
}

function prompter(command: string | undefined, fallback = person(), stderr: string[] = [], timeoutMs = 5_000): ProcessMfaPrompter {
  return new ProcessMfaPrompter(fallback, { commandFor: () => Promise.resolve(command), timeoutMs, onStderr: (text) => void stderr.push(text) });
}

describe('MFA codes from a command (mfa_process), run without a shell', () => {
  it('takes the six digits the command prints, without asking the person', async () => {
    const fallback = person();
    expect(await prompter(`${script} ok 246810`, fallback).ask(prompt(), new AbortController().signal)).toBe('246810');
    expect(fallback.asked).toBe(0);
  });

  it('asks the person when the device has no command', async () => {
    const fallback = person('111222');
    expect(await prompter(undefined, fallback).ask(prompt(), new AbortController().signal)).toBe('111222');
    expect(fallback.asked).toBe(1);
  });

  it('asks the person, not the command again, when AWS refused the command’s code', async () => {
    const fallback = person('333444');
    expect(await prompter(`${script} ok`, fallback).ask(prompt(2, 'That code was not accepted by AWS.'), new AbortController().signal)).toBe('333444');
  });

  it('fails with the exit status; the command’s stderr is passed on as it comes, once', async () => {
    const stderr: string[] = [];
    const failing = prompter(`${script} fail`, person(), stderr).ask(prompt(), new AbortController().signal);
    await expect(failing).rejects.toThrow(/"\S+fake-ykman.sh" for acme-prod exited with 1; its messages are above\./);
    expect(stderr.join('')).toContain('no YubiKey detected');
  });

  it('puts the command’s stderr into the error where nothing shows it as it comes (the app)', async () => {
    const failing = new ProcessMfaPrompter(person(), { commandFor: () => Promise.resolve(`${script} fail`) }).ask(prompt(), new AbortController().signal);
    await expect(failing).rejects.toThrow(/exited with 1: Error: no YubiKey detected/);
  });

  it('stops a command that hangs at the time limit and says so', async () => {
    const started = Date.now();
    await expect(prompter(`${script} hang`, person(), [], 400).ask(prompt(), new AbortController().signal)).rejects.toThrow(/did not finish within 400 ms and was stopped/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops a wrapper script and the child it waits on, not only the script', async () => {
    const started = Date.now();
    await expect(prompter(`${script} hang-child`, person(), [], 400).ask(prompt(), new AbortController().signal)).rejects.toThrow(/did not finish within 400 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses output that is not six digits, without repeating it', async () => {
    const outcome = prompter(`${script} junk`).ask(prompt(), new AbortController().signal);
    await expect(outcome).rejects.toThrow(/printed something other than a six-digit code/);
    await expect(outcome).rejects.not.toThrow(/Touch your YubiKey|12345/);
  });

  it('names a command that does not exist, and one whose quotes do not close', async () => {
    await expect(prompter('/nonexistent/ykman oath').ask(prompt(), new AbortController().signal)).rejects.toThrow(/was not found/);
    await expect(prompter('ykman "oath').ask(prompt(), new AbortController().signal)).rejects.toThrow(/quote is never closed/);
  });

  it('runs shell syntax as plain arguments: nothing after ; runs', async () => {
    const marker = path.join(mkdtempSync(path.join(tmpdir(), 'mfa-process-')), 'touched');
    const outcome = prompter(`${script} ok 123456 ; touch ${marker}`).ask(prompt(), new AbortController().signal);
    expect(await outcome).toBe('123456');
    expect(existsSync(marker)).toBe(false);
  });
});

describe('--mfa-code for scripts', () => {
  it('answers the first prompt with the code, and refuses a second one saying why', async () => {
    const given = new GivenCodeMfaPrompter('123456');
    expect(await given.ask(prompt())).toBe('123456');
    await expect(given.ask(prompt(2, 'That code was not accepted by AWS.'))).rejects.toThrow(/--mfa-code was used up \(That code was not accepted by AWS.\)/);
  });
});

describe('one run of the MFA process per device operation', () => {
  it('serves every caller waiting on the operation with one run of the command', async () => {
    const runs = path.join(mkdtempSync(path.join(tmpdir(), 'mfa-process-')), 'runs');
    process.env.FAKE_YKMAN_RUNS = runs;
    try {
      const broker = new MfaBroker(prompter(`${script} ok 135790`), { now: () => 0 });
      const used: string[] = [];
      const request = { operationKey: 'assume/acme', deviceSerial: DEVICE, profileName: 'acme-prod', reason: 'to assume acme-prod' };
      const steps = { use: (code: string) => { used.push(code); return Promise.resolve(`session from ${code}`); } };
      const answers = await Promise.all([broker.run(request, steps), broker.run(request, steps), broker.run(request, steps)]);
      expect(answers).toEqual(['session from 135790', 'session from 135790', 'session from 135790']);
      expect(used).toEqual(['135790']);
      expect(readFileSync(runs, 'utf8').trim().split('\n')).toHaveLength(1);
    } finally {
      delete process.env.FAKE_YKMAN_RUNS;
    }
  });
});
