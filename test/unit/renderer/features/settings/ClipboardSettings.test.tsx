// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RoledeckBridge } from '../../../../../shared/contract';
import { ClipboardSettings } from '../../../../../renderer/src/features/settings/ClipboardSettings';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** settings.get / settings.update as the main side answers them, with its range check. */
const main = {
  settings: {} as Record<string, unknown>,
  updates: [] as unknown[],
};

beforeAll(() => {
  const bridge: RoledeckBridge = {
    invoke: (async (channel: string, request: unknown): Promise<Answer> => {
      if (channel === 'settings.get') return { ok: true, value: { roleNameAllowList: [], ...main.settings } };
      if (channel === 'settings.update') {
        main.updates.push(request);
        const seconds = (request as { clipboardClearSeconds?: number }).clipboardClearSeconds;
        if (seconds !== undefined && seconds > 3600) {
          return { ok: false, error: { code: 'INVALID_REQUEST', message: 'Invalid request for settings.update: clipboardClearSeconds: at most 3,600 seconds (1 hour)' } };
        }
        main.settings = { ...main.settings, ...(request as object) };
        return { ok: true, value: { roleNameAllowList: [], ...main.settings } };
      }
      throw new Error(`unexpected ${channel}`);
    }) as RoledeckBridge['invoke'],
    on: () => () => undefined,
  };
  Object.defineProperty(window, 'roledeck', { value: bridge, configurable: true });
});

function setValue(element: HTMLInputElement | HTMLSelectElement, value: string): void {
  const prototype = element instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(element, value);
  element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('Settings → Clipboard', () => {
  let container: HTMLDivElement;
  let root: Root;

  beforeEach(async () => {
    main.settings = {};
    main.updates = [];
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    await act(async () => root.render(<ClipboardSettings />));
    await settle();
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  const seconds = (): HTMLInputElement => container.querySelector('input[type="number"]')!;
  const select = (): HTMLSelectElement => container.querySelector('select')!;
  const save = async (): Promise<void> => {
    await act(async () => container.querySelector('form')!.requestSubmit());
    await settle();
  };
  const errorOf = (element: HTMLElement): string =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id))
      .find((found) => found?.classList.contains('field__error'))?.textContent ?? '';

  it('shows the main side’s default delay and bash until something is saved', () => {
    expect(seconds().value).toBe('60');
    expect(select().value).toBe('bash');
    expect(select().options).toHaveLength(8);
  });

  it('shows the main side’s rule next to the field when it refuses a delay, then saves 0', async () => {
    act(() => setValue(seconds(), '5000'));
    await save();
    expect(errorOf(seconds())).toBe('At most 3,600 seconds (1 hour).');
    expect(seconds().getAttribute('aria-invalid')).toBe('true');

    act(() => setValue(seconds(), '0'));
    expect(seconds().getAttribute('aria-invalid')).toBeNull();
    await save();
    expect(main.updates.at(-1)).toEqual({ clipboardClearSeconds: 0 });
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Saved. Copied credentials stay on the clipboard until you copy something else.');
  });

  it('refuses anything but whole seconds without asking the main side', async () => {
    act(() => setValue(seconds(), '1.5'));
    await save();
    expect(main.updates).toEqual([]);
    expect(errorOf(seconds())).toBe('Type whole seconds, from 0 to 3,600 (0 never clears).');
  });

  it('saves the preferred format as soon as it is chosen', async () => {
    await act(async () => setValue(select(), 'fish'));
    await settle();
    expect(main.updates).toEqual([{ preferredShell: 'fish' }]);
    expect(select().value).toBe('fish');
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Saved. Copy uses fish first.');
  });
});
