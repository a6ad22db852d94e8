import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ProfileView } from '../../../shared/domain/profile-view';
import { createRole, createUserWithKey, trustPolicyFor } from '../../integration/fixtures/iam';
import { startXDisplay, waitForClipboard, type XDisplay } from '../../integration/fixtures/x-display';
import { expect, openApp, screenshot, SCREENSHOT_DIR } from '../fixtures';
import { startTestHost, type TestHost } from '../host/test-host';
import { invoke, test } from '../with-moto';

/*
 * Copy in the browser preview writes the real system clipboard (the host's SystemClipboard, as
 * `npm start` runs it), proved with xclip on a private Xvfb display; and where no clipboard can be
 * reached the window says so, never "Copied", and offers the export to copy by hand.
 */

async function addCustomer(page: Page): Promise<ProfileView> {
  const user = await createUserWithKey('consultant-clip');
  const roleArn = await createRole('Deployer-clip', trustPolicyFor(user.arn, 'clip-external-id'));
  await invoke(page, 'profiles.addUser', { name: 'consultant-clip', accessKeyId: user.credentials.accessKeyId, secretAccessKey: user.credentials.secretAccessKey });
  const role = (await invoke(page, 'profiles.addRole', {
    name: 'acme-prod',
    source: 'consultant-clip',
    roleArn,
    externalId: 'clip-external-id',
    label: 'Acme Corp',
    color: '#3b6fe0',
  })) as ProfileView;
  await invoke(page, 'sessions.start', { profileId: role.id });
  await invoke(page, 'sessions.setActive', { profileId: role.id });
  return role;
}

let host: TestHost | undefined;
let x: XDisplay | undefined;
const previousDisplay = process.env.DISPLAY;

test.afterEach(async () => {
  await host?.close();
  host = undefined;
  await x?.stop();
  x = undefined;
  if (previousDisplay === undefined) delete process.env.DISPLAY;
  else process.env.DISPLAY = previousDisplay;
});

test('Copy in the preview puts the export on the real clipboard, concealment aside, and clears it after the delay', async ({ page, moto }) => {
  test.setTimeout(60_000);
  await moto.reset();
  x = await startXDisplay();
  // The host runs in this worker: its clipboard tools read DISPLAY when they run.
  process.env.DISPLAY = x.display;
  host = await startTestHost({ clipboard: 'system' });
  await openApp(page, host, 'sessions');
  await addCustomer(page);
  await invoke(page, 'settings.update', { clipboardClearSeconds: 3 });
  await page.reload();
  await x.copy('what I had before');

  const card = page.getByTestId('active-session');
  await card.getByRole('button', { name: 'Copy for bash acme-prod' }).click();
  const status = card.getByTestId('copy-status');
  await expect(status).toContainText(/Copied for bash — clears from the clipboard at \d{1,2}:\d{2}/);
  const copied = await x.readClipboard();
  expect(copied).toContain('unset AWS_PROFILE');
  expect(copied).toMatch(/export AWS_SESSION_TOKEN='[^']{20,}'/);
  await screenshot(page, 'clipboard-real-copy');

  // After the delay the host clears it, and the note stops promising a future clear.
  expect(await waitForClipboard(() => x!.readClipboard(), (text) => text === '', 15_000)).toBe('');
  await expect(status).toContainText(/Copied for bash — no longer on the clipboard since \d{1,2}:\d{2}/, { timeout: 10_000 });
  await screenshot(page, 'clipboard-real-cleared');
});

test('with no clipboard to reach, the preview says nothing was copied and shows the export to copy by hand', async ({ page, moto }) => {
  test.setTimeout(60_000);
  await moto.reset();
  delete process.env.DISPLAY;
  host = await startTestHost({ clipboard: 'system' });
  await openApp(page, host, 'sessions');
  await addCustomer(page);
  await page.reload();

  const card = page.getByTestId('active-session');
  const copy = card.getByRole('button', { name: 'Copy for bash acme-prod' });
  await copy.click();
  const status = card.getByTestId('copy-status');
  await expect(status).toContainText('Nothing was copied. No clipboard could be reached: this session has no graphical display');
  await expect(status).not.toContainText('Copied');
  await screenshot(page, 'clipboard-none');

  await card.getByRole('button', { name: 'Show the export to copy it yourself' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export of acme-prod' });
  await expect(dialog).toBeVisible();
  const field = dialog.getByTestId('reveal-export-text');
  await expect(field).toHaveValue(/export AWS_SESSION_TOKEN='[^']{20,}'/);
  await expect(field).toBeFocused();
  // Selected whole: one Ctrl+C copies it.
  const selected = await field.evaluate((element) => {
    const area = element as HTMLTextAreaElement;
    return area.selectionStart === 0 && area.selectionEnd === area.value.length && area.value.length > 0;
  });
  expect(selected).toBe(true);
  await expect(dialog).toContainText('It works until');
  // Never as an attribute of the page: it lives in the field's value only.
  expect(await page.evaluate(() => document.documentElement.outerHTML.includes('AWS_SESSION_TOKEN'))).toBe(false);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'clipboard-reveal.png') });

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('reveal-export-text')).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Show the export to copy it yourself' })).toBeFocused();
});
