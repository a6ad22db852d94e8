// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RoledeckBridge } from '../../../../../shared/contract';
import type { CliInstallStatus } from '../../../../../shared/domain/cli-install';
import { CliInstallSettings } from '../../../../../renderer/src/features/settings/CliInstallSettings';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

const BUNDLED = '/opt/Roledeck/resources/cli/roledeck';
const LINK = '/home/ada/.local/bin/roledeck';
const notInstalled: CliInstallStatus = { state: 'not-installed', bundled: BUNDLED, installedAt: null, target: LINK, terminalFinds: null, advice: `Install puts the roledeck command at ${LINK}.` };
const installed: CliInstallStatus = { state: 'installed', bundled: BUNDLED, installedAt: LINK, target: LINK, terminalFinds: LINK, advice: '' };

/** The main side of cliInstall.*, as the install service answers. */
const main = { status: notInstalled, install: { ok: true, value: installed } as Answer, installs: 0 };

beforeAll(() => {
  const bridge: RoledeckBridge = {
    invoke: (async (channel: string): Promise<Answer> => {
      if (channel === 'cliInstall.status') return { ok: true, value: main.status };
      if (channel === 'cliInstall.install') {
        main.installs += 1;
        return main.install;
      }
      throw new Error(`unexpected ${channel}`);
    }) as RoledeckBridge['invoke'],
    on: () => () => undefined,
  };
  Object.defineProperty(window, 'roledeck', { value: bridge, configurable: true });
});

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('Settings → Command line', () => {
  let container: HTMLDivElement;
  let root: Root;

  const render = async () => {
    await act(async () => root.render(<CliInstallSettings />));
    await settle();
  };
  const button = () => [...container.querySelectorAll('button')].find((element) => /Install/.test(element.textContent ?? ''));

  beforeEach(() => {
    main.status = notInstalled;
    main.install = { ok: true, value: installed };
    main.installs = 0;
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  it('shows that nothing is installed and where Install will put the command', async () => {
    await render();
    expect(container.querySelector('[data-testid="cli-install-state"]')?.textContent).toBe('Not installed');
    expect(container.textContent).toContain('Nowhere yet');
    expect(container.textContent).toContain(`Install puts the roledeck command at ${LINK}.`);
    expect(button()?.textContent).toBe('Install the roledeck command');
  });

  it('installs on a click and then shows where it is and that a new terminal runs it', async () => {
    await render();
    await act(async () => button()?.click());
    await settle();
    expect(main.installs).toBe(1);
    expect(container.querySelector('[data-testid="cli-install-state"]')?.textContent).toBe('Installed: terminals run this app’s roledeck');
    expect([...container.querySelectorAll('code')].map((code) => code.textContent)).toEqual(['roledeck', LINK, LINK]);
    expect(button()?.textContent).toBe('Install again');
  });

  it('shows the main side’s reason when the install fails, and keeps the status it had', async () => {
    main.install = { ok: false, error: { code: 'CONFLICT', message: `Another roledeck is already at ${LINK}. Remove it (or rename it), then install again.` } };
    await render();
    await act(async () => button()?.click());
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(`Another roledeck is already at ${LINK}. Remove it (or rename it), then install again.`);
    expect(container.querySelector('[data-testid="cli-install-state"]')?.textContent).toBe('Not installed');
  });

  it('offers no Install in a build that carries no command, and says why', async () => {
    main.status = { state: 'unavailable', bundled: null, installedAt: null, target: null, terminalFinds: null, advice: 'This build of Roledeck carries no roledeck command.' };
    await render();
    expect(button()).toBeUndefined();
    expect(container.textContent).toContain('This build of Roledeck carries no roledeck command.');
  });
});
