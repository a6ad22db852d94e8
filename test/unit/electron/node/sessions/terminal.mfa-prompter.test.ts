import { describe, expect, it } from 'vitest';
import { promptText, TerminalMfaPrompter } from '../../../../../electron/node/sessions/terminal.mfa-prompter';
import type { MfaPrompt } from '../../../../../shared/domain/session';

const prompt: MfaPrompt = {
  id: 'p1',
  deviceSerial: 'arn:aws:iam::111111111111:mfa/consultant',
  profileName: 'acme-prod',
  reason: 'to start an MFA session for consultant (12 h)',
  attempt: 2,
  problem: 'That code was not accepted by AWS. Enter the code your device shows now.',
  waiting: 1,
  requestedAt: 0,
};

describe('TerminalMfaPrompter', () => {
  it('asks on the terminal with the problem first, and returns what was typed', async () => {
    const asked: string[] = [];
    const terminal = new TerminalMfaPrompter(() => async (question) => {
      asked.push(question);
      return '123456';
    });
    expect(await terminal.ask(prompt, new AbortController().signal)).toBe('123456');
    expect(asked).toEqual([promptText(prompt)]);
    expect(asked[0]).toMatch(/^That code was not accepted.*\nMFA code for arn:aws:iam::111111111111:mfa\/consultant \(acme-prod: to start/s);
  });

  it('without a terminal, says how to get the code in instead of waiting on a pipe', async () => {
    const terminal = new TerminalMfaPrompter(() => null);
    await expect(terminal.ask(prompt, new AbortController().signal)).rejects.toMatchObject({
      code: 'MFA_REQUIRED',
      message: expect.stringMatching(/run `roledeck whoami acme-prod` in a terminal, or start the Roledeck app/i),
    });
  });

  it('turns Ctrl-C (the readline abort) into MFA_CANCELLED', async () => {
    const terminal = new TerminalMfaPrompter(() => () => Promise.reject(new Error('The operation was aborted')));
    await expect(terminal.ask(prompt, new AbortController().signal)).rejects.toMatchObject({ code: 'MFA_CANCELLED' });
  });
});
