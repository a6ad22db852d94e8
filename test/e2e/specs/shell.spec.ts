import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, screenshot, test } from '../fixtures';
import { REPO_ROOT } from '../../../electron/web-host/renderer-build';

const packageVersion = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The sidebar as a user sees it, in order: Ctrl+1 is the first. */
const SECTIONS = [
  { id: 'accounts', label: 'Accounts' },
  { id: 'sessions', label: 'Sessions' },
  { id: 'deploy', label: 'Deploy' },
  { id: 'cloudfront', label: 'CloudFront' },
  { id: 'onboarding', label: 'Onboarding' },
  { id: 'audit', label: 'Audit' },
  { id: 'settings', label: 'Settings' },
] as const;

/** What each section's empty state promises, as a user reads it. */
const EMPTY_STATES: Record<string, RegExp> = {
  accounts: /Add an IAM user or import your ~\/\.aws profiles/,
  sessions: /Sessions you start appear here/,
  deploy: /A test deploy goes into the account a profile reaches/,
  cloudfront: /Sign CloudFront URLs and cookies/,
  onboarding: /create a cross-account role for you/,
  audit: /What Roledeck did/,
};

async function expectSection(page: Page, id: string, label: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label);
  await expect(page).toHaveURL(new RegExp(`#/${id}$`));
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: label })).toHaveAttribute(
    'aria-current',
    'page',
  );
  const emptyState = EMPTY_STATES[id];
  if (emptyState) await expect(page.getByRole('main')).toContainText(emptyState);
  else await expect(page.getByRole('group', { name: 'Theme' })).toBeVisible();
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map(
    (violation) => `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

test.describe('app shell', () => {
  test('shows the version from app.info and a ready keychain from the real keyring', async ({ page, host }) => {
    const info = await host.router.dispatch('app.info', {}, { transport: 'direct' });
    expect(info).toMatchObject({ ok: true, value: { version: packageVersion, runtime: { kind: 'node' } } });

    await openApp(page, host);
    await expect(page.getByTestId('app-version')).toHaveText(`Roledeck version v${packageVersion}`);
    const keychain = page.getByTestId('keychain-status');
    await expect(keychain).toHaveAttribute('data-state', 'ready');
    await expect(keychain).toHaveText('Keychain ready');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page).toHaveTitle('Accounts · Roledeck');
  });

  test('the page gets the bridge and nothing else from the host', async ({ page, host }) => {
    await openApp(page, host);
    const globals = await page.evaluate(() => {
      const bridge = (window as unknown as { roledeck?: object }).roledeck;
      return {
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        module: typeof (window as unknown as { module?: unknown }).module,
        bridgeKeys: bridge ? Object.getOwnPropertyNames(bridge).sort() : null,
        bridgeFrozen: bridge ? Object.isFrozen(bridge) : null,
        replaceable: (() => {
          try {
            (window as unknown as { roledeck: unknown }).roledeck = {};
          } catch {
            // strict-mode assignment to a read-only property throws; either way it must not stick
          }
          return (window as unknown as { roledeck: unknown }).roledeck !== bridge;
        })(),
      };
    });
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      bridgeKeys: ['invoke', 'on'],
      bridgeFrozen: true,
      replaceable: false,
    });
  });

  test('without the bridge, the app says it cannot reach its background service instead of going blank', async ({
    page,
    host,
    pageErrors,
  }) => {
    // As if the page were opened outside Roledeck: the bridge script never arrives.
    await page.route('**/__roledeck/bridge.js*', (route) => route.abort());
    await page.goto(host.url);
    const banner = page.getByRole('alert');
    await expect(banner).toContainText('Roledeck cannot reach its background service');
    await expect(banner).toContainText('Roledeck bridge missing');
    await expect(page.getByTestId('keychain-status')).toHaveText('Keychain status unknown');
    await expect(page.getByTestId('app-version')).toContainText('version unknown');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accounts');
    await screenshot(page, 'bridge-missing');
    expect(pageErrors).toEqual([expect.stringContaining('net::ERR_FAILED')]);
    pageErrors.length = 0;
  });

  test('every section opens by clicking the sidebar and shows its empty state', async ({ page, host }) => {
    await openApp(page, host);
    for (const section of SECTIONS) {
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section.label }).click();
      await expectSection(page, section.id, section.label);
      await screenshot(page, `section-${section.id}-light`);
    }
  });

  test('Ctrl+1..7 switch sections, and a reload keeps the section', async ({ page, host }) => {
    await openApp(page, host);
    for (const [index, section] of [...SECTIONS.entries()].reverse()) {
      await page.keyboard.press(`Control+${index + 1}`);
      await expectSection(page, section.id, section.label);
    }
    await page.keyboard.press('Control+4');
    await page.reload();
    await expectSection(page, 'cloudfront', 'CloudFront');
  });

  test('keyboard: skip link, Tab into the sidebar, arrow keys and Enter', async ({ page, host }) => {
    await openApp(page, host);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();

    await page.reload();
    await expect(page.getByTestId('keychain-status')).toHaveAttribute('data-state', 'ready');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    // The session pill in the title bar is a control (it opens the switcher), next in the order.
    await expect(page.getByTestId('active-indicator')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name: 'Accounts' })).toBeFocused();
    // The focus ring is drawn, not just present.
    const outline = await nav.getByRole('link', { name: 'Accounts' }).evaluate((link) => getComputedStyle(link).outlineStyle);
    expect(outline).not.toBe('none');

    await page.keyboard.press('ArrowDown');
    await expect(nav.getByRole('link', { name: 'Sessions' })).toBeFocused();
    await screenshot(page, 'keyboard-focus-sidebar');
    await page.keyboard.press('End');
    await expect(nav.getByRole('link', { name: 'Settings' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(nav.getByRole('link', { name: 'Accounts' })).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(nav.getByRole('link', { name: 'Audit' })).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(nav.getByRole('link', { name: 'Onboarding' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expectSection(page, 'onboarding', 'Onboarding');
    await page.keyboard.press('Home');
    await expect(nav.getByRole('link', { name: 'Accounts' })).toBeFocused();
  });

  test('a shortcut from inside a section keeps keyboard focus on the page', async ({ page, host }) => {
    await openApp(page, host, 'settings');
    await page.getByRole('radio', { name: 'Dark' }).focus();
    await page.keyboard.press('Control+2');
    await expectSection(page, 'sessions', 'Sessions');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  });

  test('in a narrow window the sidebar shrinks to icons and its links keep their names', async ({ page, host }) => {
    await page.setViewportSize({ width: 640, height: 720 });
    await openApp(page, host, 'deploy');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    for (const section of SECTIONS) await expect(nav.getByRole('link', { name: section.label })).toBeVisible();
    const navWidth = await nav.evaluate((element) => element.getBoundingClientRect().width);
    expect(navWidth).toBeLessThan(80);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await screenshot(page, 'shell-narrow');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`has no WCAG 2 A/AA violations in the ${colorScheme} theme, in any section`, async ({ page, host }) => {
      await page.emulateMedia({ colorScheme });
      await openApp(page, host);
      const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      expect(background).toBe(colorScheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(22, 23, 26)');
      await screenshot(page, `shell-${colorScheme}`);

      const violations: string[] = [];
      for (const section of SECTIONS) {
        await page.goto(`${host.url}#/${section.id}`);
        await expectSection(page, section.id, section.label);
        for (const violation of await axeViolations(page)) violations.push(`${section.id}: ${violation}`);
        if (colorScheme === 'dark') await screenshot(page, `section-${section.id}-dark`);
      }
      expect(violations).toEqual([]);
    });
  }

  test('Settings forces a theme over the OS one and remembers it', async ({ page, host }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await openApp(page, host, 'settings');
    const html = page.locator('html');
    await expect(page.getByRole('radio', { name: 'System' })).toBeChecked();

    await page.getByRole('radio', { name: 'Dark' }).click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(html).toHaveCSS('background-color', 'rgb(22, 23, 26)');
    await page.reload();
    await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await expect(html).toHaveCSS('background-color', 'rgb(22, 23, 26)');
    await screenshot(page, 'settings-forced-dark');

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('radio', { name: 'Light' }).click();
    await expect(html).toHaveCSS('background-color', 'rgb(255, 255, 255)');

    await page.getByRole('radio', { name: 'System' }).click();
    await expect(html).not.toHaveAttribute('data-theme');
    await expect(html).toHaveCSS('background-color', 'rgb(22, 23, 26)');
    await expect(page.getByRole('main')).toContainText(`Node.js ${process.versions.node}`);
  });
});
