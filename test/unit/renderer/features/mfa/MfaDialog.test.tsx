// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MfaPrompt } from '../../../../../shared/domain/session';
import { MfaDialog } from '../../../../../renderer/src/features/mfa/MfaDialog';
import { installRecordingBridge, polyfillModalDialogs, type, type Answer } from '../../dialog-kit';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let answer: (channel: string) => Answer;
const calls: Array<[string, unknown]> = [];

const prompt: MfaPrompt = {
  id: 'prompt-1',
  deviceSerial: 'arn:aws:iam::123456789012:mfa/consultant',
  profileName: 'acme-prod',
  reason: 'to start an MFA session for consultant (12 h)',
  attempt: 1,
  waiting: 1,
  requestedAt: 0,
};

beforeAll(() => {
  polyfillModalDialogs();
  installRecordingBridge(calls, (channel) => answer(channel));
});


describe('MfaDialog', () => {
  let container: HTMLDivElement;
  let root: Root;
  let cancelled: string[];

  beforeEach(() => {
    calls.length = 0;
    cancelled = [];
    answer = () => ({ ok: true, value: { accepted: true } });
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    act(() => root.render(<MfaDialog prompt={prompt} position={1} total={1} onCancelled={(id) => cancelled.push(id)} />));
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  const code = (): HTMLInputElement => document.querySelector<HTMLInputElement>('.mfa-form__code')!;
  const problem = (): string => document.querySelector('[data-testid="mfa-problem"]')?.textContent ?? '';

  it('keeps the digits typed so far out of the page markup, and drops anything but digits', () => {
    type(code(), '58a2 04');
    expect(code().value).toBe('58204');
    expect(document.documentElement.outerHTML).not.toContain('58204');
    expect(code().hasAttribute('value')).toBe(false);
    expect(calls).toEqual([]);
  });

  it('sends the code at the sixth digit and empties the field as it goes', async () => {
    type(code(), '58204');
    await act(async () => type(code(), '582046'));
    expect(calls).toEqual([['mfa.answer', { promptId: 'prompt-1', code: '582046' }]]);
    expect(code().value).toBe('');
    expect(code().readOnly).toBe(true);
    expect(document.documentElement.outerHTML).not.toContain('582046');
  });

  it('asks for all six digits on Enter with fewer, and sends nothing', () => {
    type(code(), '5820');
    act(() => document.querySelector('form')!.requestSubmit());
    expect(problem()).toBe('Enter all 6 digits your device shows.');
    expect(code().value).toBe('5820');
    expect(calls).toEqual([]);
  });

  it('shows the main side’s refusal, ready for the next code in a focused, empty field', async () => {
    answer = () => ({ ok: false, error: { code: 'MFA_PROMPT_GONE', message: 'That prompt has closed. Start the session again.' } });
    await act(async () => type(code(), '582046'));
    await act(async () => Promise.resolve());
    expect(problem()).toBe('That prompt has closed. Start the session again.');
    expect(code().value).toBe('');
    expect(code().readOnly).toBe(false);
    expect(document.activeElement).toBe(code());
  });

  it('cancel empties the field and drops the prompt', async () => {
    type(code(), '582');
    const cancel = Array.from(document.querySelectorAll('button')).find((button) => button.textContent === 'Cancel')!;
    await act(async () => cancel.click());
    expect(code().value).toBe('');
    expect(cancelled).toEqual(['prompt-1']);
    expect(calls).toEqual([['mfa.cancel', { promptId: 'prompt-1' }]]);
  });
});
