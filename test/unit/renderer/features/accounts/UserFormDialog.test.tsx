// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import UserFormDialog from '../../../../../renderer/src/features/accounts/UserFormDialog';
import { installRecordingBridge, polyfillModalDialogs, type, type Answer } from '../../dialog-kit';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CANARY = 'Canary0Secret0Key0Value0ABCDEFGHIJKLMNOP';
let answer: (channel: string, request: unknown) => Promise<Answer>;
const calls: Array<[string, unknown]> = [];

beforeAll(() => {
  polyfillModalDialogs();
  installRecordingBridge(calls, (channel, request) => answer(channel, request));
});


function field(container: HTMLElement, label: string): HTMLInputElement {
  const element = Array.from(container.querySelectorAll('label')).find((candidate) => candidate.textContent?.startsWith(label));
  const input = element ? (container.ownerDocument.getElementById(element.htmlFor) as HTMLInputElement | null) : null;
  if (!input) throw new Error(`no field labelled ${label}`);
  return input;
}

function errorOf(input: HTMLInputElement): string {
  const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
  const error = ids.map((id) => input.ownerDocument.getElementById(id)).find((element) => element?.classList.contains('field__error'));
  return error?.textContent ?? '';
}

describe('UserFormDialog', () => {
  let container: HTMLDivElement;
  let root: Root;
  const onSaved = vi.fn();

  beforeEach(() => {
    calls.length = 0;
    onSaved.mockReset();
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    act(() => root.render(<UserFormDialog labels={['Acme']} onClose={() => undefined} onSaved={onSaved} />));
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  function fill(secret: string): void {
    type(field(container, 'Profile name'), 'consultant');
    type(field(container, 'Access key ID'), 'AKIAIOSFODNN7EXAMPLE');
    type(field(container, 'Secret access key'), secret);
  }

  async function submit(): Promise<void> {
    await act(async () => {
      container.querySelector('form')!.requestSubmit();
      await Promise.resolve();
    });
  }

  it('sends the secret once, empties its box as it is sent, and never writes it into the page', async () => {
    let release: (value: Answer) => void = () => undefined;
    answer = () => new Promise((resolve) => (release = resolve));
    fill(CANARY);
    const secret = field(container, 'Secret access key');
    expect(secret.type).toBe('password');
    expect(container.innerHTML).not.toContain(CANARY);

    await submit();
    expect(calls).toEqual([['profiles.addUser', { name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: CANARY }]]);
    // Emptied while the request is still on its way.
    expect(secret.value).toBe('');
    expect(container.innerHTML).not.toContain(CANARY);

    await act(async () => {
      release({ ok: true, value: { kind: 'iam-user', id: 'abcdef12-0000', name: 'consultant', accessKeyIdMasked: 'AKIA••••••••MPLE', hasSecret: true } });
      await Promise.resolve();
    });
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ name: 'consultant' }), 'Added');
  });

  it('names the rule of a short secret and sends nothing', async () => {
    answer = async () => ({ ok: true, value: {} });
    fill('tooShort');
    await submit();
    expect(calls).toEqual([]);
    expect(errorOf(field(container, 'Secret access key'))).toBe('The secret access key has 8 characters; it needs 40 (letters, digits and / + =)');
    expect(field(container, 'Secret access key').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a refusal from the main side at form level and asks for the secret again', async () => {
    answer = async () => ({ ok: false, error: { code: 'CONFLICT', message: 'A profile named "consultant" already exists. Pick another name or edit that profile.' } });
    fill(CANARY);
    await submit();
    await act(async () => Promise.resolve());
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('A profile named "consultant" already exists. Pick another name or edit that profile.');
    expect(field(container, 'Secret access key').value).toBe('');
    expect(container.textContent).toContain('Cleared after sending: type it again to retry.');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('shows a field error on blur, and clears it as the value is fixed', () => {
    const keyId = field(container, 'Access key ID');
    type(keyId, 'ASIA123');
    act(() => {
      keyId.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    });
    expect(errorOf(keyId)).toBe('This is a temporary access key (ASIA…), which expires and needs a session token; an IAM user’s key starts with AKIA');
    type(keyId, 'AKIAIOSFODNN7EXAMPLE');
    expect(errorOf(keyId)).toBe('');
  });
});
