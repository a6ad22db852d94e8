import { describe, expect, it } from 'vitest';
import { UiMfaPrompter } from '../../../../../electron/node/sessions/ui.mfa-prompter';
import type { MfaPrompt } from '../../../../../shared/domain/session';

const prompt: MfaPrompt = {
  id: 'p1',
  deviceSerial: 'arn:aws:iam::111111111111:mfa/consultant',
  profileName: 'acme-prod',
  reason: 'to start an MFA session for consultant (12 h)',
  attempt: 1,
  waiting: 1,
  requestedAt: 0,
};

function prompter() {
  const events: Array<[string, unknown]> = [];
  const raised: MfaPrompt[] = [];
  const ui = new UiMfaPrompter({ emit: (event, payload) => events.push([event, payload]) }, { onPrompt: (shown) => raised.push(shown) });
  return { ui, events, raised };
}

describe('UiMfaPrompter', () => {
  it('announces a prompt, lists it as pending, raises the window, and resolves with the answer', async () => {
    const { ui, events, raised } = prompter();
    const answered = ui.ask(prompt, new AbortController().signal);
    expect(ui.pending()).toEqual([prompt]);
    expect(raised).toEqual([prompt]);
    ui.answer('p1', '123456');
    expect(await answered).toBe('123456');
    expect(ui.pending()).toEqual([]);
    expect(events).toEqual([
      ['mfa.prompt', prompt],
      ['mfa.closed', { promptId: 'p1', outcome: 'answered' }],
    ]);
  });

  it('re-announces an open prompt when more callers wait on it', () => {
    const { ui, events } = prompter();
    void ui.ask(prompt, new AbortController().signal);
    ui.update({ ...prompt, waiting: 4 });
    expect(ui.pending()[0]?.waiting).toBe(4);
    expect(events.at(-1)).toEqual(['mfa.prompt', { ...prompt, waiting: 4 }]);
  });

  it('rejects with MFA_CANCELLED on cancel or abort, and says the prompt closed', async () => {
    const { ui, events } = prompter();
    const cancelled = ui.ask(prompt, new AbortController().signal);
    ui.cancel('p1');
    await expect(cancelled).rejects.toMatchObject({ code: 'MFA_CANCELLED' });
    const controller = new AbortController();
    const aborted = ui.ask({ ...prompt, id: 'p2' }, controller.signal);
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ code: 'MFA_CANCELLED' });
    expect(events.filter(([event]) => event === 'mfa.closed').map(([, payload]) => payload)).toEqual([
      { promptId: 'p1', outcome: 'cancelled' },
      { promptId: 'p2', outcome: 'cancelled' },
    ]);
    expect(() => ui.cancel('p1')).not.toThrow();
    expect(() => ui.answer('p1', '123456')).toThrow(/no longer open/);
  });
});
