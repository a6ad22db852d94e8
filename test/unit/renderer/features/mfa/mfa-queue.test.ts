import { describe, expect, it } from 'vitest';
import type { MfaPrompt } from '../../../../../shared/domain/session';
import { describeDevice, deviceText, digitsOnly, mergePrompts, reasonText, removePrompt, upsertPrompt, waitingText } from '../../../../../renderer/src/features/mfa/mfa-queue';

function prompt(id: string, overrides: Partial<MfaPrompt> = {}): MfaPrompt {
  return {
    id,
    deviceSerial: 'arn:aws:iam::123456789012:mfa/consultant',
    profileName: 'acme-prod',
    reason: 'to start an MFA session for consultant (12 h)',
    attempt: 1,
    waiting: 1,
    requestedAt: 1000,
    ...overrides,
  };
}

describe('the queue of open MFA prompts', () => {
  it('keeps prompts oldest first, so the dialog shows the one asked first', () => {
    const queue = upsertPrompt(upsertPrompt([], prompt('b', { requestedAt: 2000 })), prompt('a', { requestedAt: 1000 }));
    expect(queue.map((item) => item.id)).toEqual(['a', 'b']);
  });

  it('replaces a prompt in place when it changes (more callers waiting)', () => {
    const queue = upsertPrompt([prompt('a')], prompt('a', { waiting: 3 }));
    expect(queue).toEqual([prompt('a', { waiting: 3 })]);
  });

  it('never lets a late, older copy replace a newer one', () => {
    const queue = upsertPrompt([prompt('a', { attempt: 2, problem: 'That code was just used.' })], prompt('a', { attempt: 1 }));
    expect(queue[0]?.attempt).toBe(2);
  });

  it('merges the pending list with prompts that arrived as events, without duplicates', () => {
    const queue = mergePrompts([prompt('a')], [prompt('a'), prompt('c', { requestedAt: 500 })]);
    expect(queue.map((item) => item.id)).toEqual(['c', 'a']);
  });

  it('drops a prompt when it closes', () => {
    expect(removePrompt([prompt('a'), prompt('b')], 'a').map((item) => item.id)).toEqual(['b']);
  });
});

describe('the code field', () => {
  it('keeps the digits of what was typed or pasted, at most six', () => {
    expect(digitsOnly('123 456')).toBe('123456');
    expect(digitsOnly('12a3')).toBe('123');
    expect(digitsOnly('1234567')).toBe('123456');
  });
});

describe('device and waiting text', () => {
  it('shortens an MFA device ARN to its name and account', () => {
    expect(describeDevice('arn:aws:iam::123456789012:mfa/consultant')).toEqual({ name: 'consultant', account: '123456789012' });
    expect(deviceText('arn:aws:iam::123456789012:mfa/team/alice-phone')).toBe('alice-phone (account 123456789012)');
    expect(deviceText('arn:aws-us-gov:iam::123456789012:mfa/ops')).toBe('ops (account 123456789012)');
  });

  it('shows a hardware token serial as it is', () => {
    expect(deviceText('GAHT12345678')).toBe('GAHT12345678');
  });

  it('says how many callers one code answers', () => {
    expect(waitingText(1)).toBe('One request is waiting for this code.');
    expect(waitingText(3)).toBe('3 requests are waiting for this code; one code answers them all.');
  });
});

describe('why the code is needed', () => {
  it('reads as a sentence under the dialog title', () => {
    expect(reasonText('to start an MFA session for consultant (12 h)')).toBe('Needed to start an MFA session for consultant (12 h).');
    expect(reasonText('refreshing acme-prod.')).toBe('Refreshing acme-prod.');
    expect(reasonText('  ')).toBe('A session needs a fresh MFA code.');
  });
});
