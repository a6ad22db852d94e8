import { generateKeyPairSync } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openApp, screenshot } from '../fixtures';
import { layoutOverflows } from '../layout-check';
import { createUserWithKey } from '../../integration/fixtures/iam';
import { invoke, test } from '../with-moto';

/*
 * The CloudFront section in Chromium against the real main side: the private key goes into the
 * real keyring, signing and inspection run in the host's services. A fresh host (and store) per
 * test, so the keys made here never show up in another spec's screenshots.
 */

const KEY_ID = 'K2JCJMDEHXQW5F';
const PASSPHRASE = 'correct horse battery staple';
const URL = 'https://d111111abcdef8.cloudfront.net/films/night-train.mp4';

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** A full-page screenshot from the top: scrolled, the sticky top bar is drawn mid-page in the capture. */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

function encryptedPem(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSPHRASE }).toString();
}

test.describe('CloudFront', () => {
  test('import an encrypted key (the passphrase asked for), sign a URL with a live policy preview, and see why a tampered URL is refused', async ({ page, app }) => {
    test.setTimeout(90_000);
    await openApp(page, app, 'cloudfront');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('CloudFront');
    await expect(page.getByRole('heading', { name: 'Trusted key groups, not root key pairs' })).toBeVisible();

    // Import: an encrypted PEM, picked as a file, fills the key field and brings up the passphrase
    // field (secret-canaries pastes one); a wrong passphrase is refused beside it.
    await page.getByRole('button', { name: 'Import' }).click();
    const dialog = page.getByTestId('cf-import-dialog');
    const pem = encryptedPem();
    await dialog.getByLabel('PEM file').setInputFiles({ name: 'acme-films.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(pem) });
    await expect(dialog.getByLabel('Private key (PEM)')).toHaveValue(pem);
    await expect(dialog.getByLabel('Label')).toHaveValue('acme-films');
    const passphrase = dialog.getByLabel('Passphrase');
    await expect(passphrase).toBeVisible();
    await dialog.getByLabel('Key ID').fill(KEY_ID);
    await dialog.getByLabel('Label').fill('Acme films');
    await dialog.getByLabel('Customer').fill('Acme');
    await passphrase.fill('not it');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(passphrase).toBeFocused();
    await expect(dialog.getByText('The passphrase does not open this private key')).toBeVisible();
    expect(await layoutOverflows(page, '[data-testid="cf-import-dialog"]')).toEqual([]);
    await shot(page, 'cloudfront-import-passphrase');
    await passphrase.fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog).toBeHidden();

    // The key list: grouped under its customer, with the key ID and fingerprint.
    const list = page.getByTestId('cf-key-list');
    await expect(list.getByText('Acme', { exact: true })).toBeVisible();
    await expect(list.getByRole('option', { name: /Acme films/ })).toContainText(KEY_ID);
    await expect(list.getByRole('option', { name: /Acme films/ })).toContainText('SHA256:');

    // The signer: the preview follows the form; a wildcard resource forces a custom policy.
    const signer = page.getByTestId('cf-signer');
    const preview = page.getByTestId('cf-policy-preview');
    await signer.getByRole('textbox', { name: /^URLs/ }).fill(URL);
    await expect(preview).toContainText('Canned policy');
    await expect(preview).toContainText(`"Resource": "${URL}"`);
    await signer.getByLabel('Resource').fill('https://d111111abcdef8.cloudfront.net/films/*');
    await expect(preview).toContainText('Custom policy');
    await expect(preview).toContainText(/wildcard/i);
    await signer.getByLabel('Resource').fill('');
    await signer.getByLabel('Expires', { exact: true }).selectOption('12h');
    await signer.getByRole('button', { name: 'Sign URL' }).click();
    const signedBox = page.getByTestId('cf-signed').getByRole('textbox', { name: 'Signed URL' });
    await expect(signedBox).toHaveValue(/Signature=/);
    const signed = await signedBox.inputValue();
    expect(signed).toContain(`Key-Pair-Id=${KEY_ID}`);
    await expect(page.getByTestId('cf-signed').getByRole('textbox', { name: 'curl command' })).toHaveValue(/^curl /);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'cloudfront-signed');

    // The inspector: the URL as signed is accepted; with another path it is refused, and why.
    const inspector = page.getByTestId('cf-inspector');
    const pasted = inspector.getByLabel('Signed URL or cookies');
    await pasted.fill(signed);
    await inspector.getByRole('button', { name: 'Inspect' }).click();
    await expect(page.getByTestId('cf-verdict')).toHaveAttribute('data-verdict', 'accepted');
    await pasted.fill(signed.replace('night-train.mp4', 'day-train.mp4'));
    await inspector.getByRole('button', { name: 'Inspect' }).click();
    const verdict = page.getByTestId('cf-verdict');
    await expect(verdict).toHaveAttribute('data-verdict', 'refused');
    await expect(verdict).toContainText('CloudFront would refuse it');
    await expect(verdict.locator('[data-code="tampered"]')).toContainText('something was changed after signing');
    await verdict.scrollIntoViewIfNeeded();
    expect(await axeViolations(page)).toEqual([]);
    expect(await layoutOverflows(page, 'main')).toEqual([]);
    await shot(page, 'cloudfront-inspect-tampered');

    // A batch from a file: one policy (a wildcard resource), every URL signed, in the file's order.
    const lines = ['c', 'a', 'b'].map((name) => `https://d111111abcdef8.cloudfront.net/films/${name}.mp4`);
    await signer.getByLabel('Or a file of URLs').setInputFiles({ name: 'urls.txt', mimeType: 'text/plain', buffer: Buffer.from(`${lines.join('\n')}\n`) });
    await signer.getByLabel('Resource').fill('https://d111111abcdef8.cloudfront.net/films/*');
    await expect(preview).toContainText('3 URLs, 1 policy to sign');
    await signer.getByRole('button', { name: 'Sign 3 URLs' }).click();
    const batch = page.getByTestId('cf-signed').getByRole('textbox', { name: '3 signed URLs' });
    await expect(batch).toHaveValue(/Policy=/);
    expect((await batch.inputValue()).split('\n').map((line) => line.split('?')[0])).toEqual(lines);

    // Cookies for the same wildcard: the Set-Cookie lines, where to set them, and a curl line.
    await signer.getByRole('radio', { name: 'Signed cookies' }).check();
    await signer.getByRole('textbox', { name: /^URL/ }).fill(lines[0] ?? '');
    await signer.getByRole('button', { name: 'Sign cookies' }).click();
    const cookies = page.getByTestId('cf-signed');
    await expect(cookies.getByRole('textbox', { name: 'Set-Cookie headers' })).toHaveValue(/CloudFront-Policy=.*\n.*CloudFront-Signature=.*\n.*CloudFront-Key-Pair-Id=K2JCJMDEHXQW5F/s);
    await expect(cookies).toContainText('Domain=d111111abcdef8.cloudfront.net');
    await expect(cookies).toContainText('Path=/films/');
    await expect(cookies.getByRole('textbox', { name: 'curl command' })).toHaveValue(/^curl .* -b 'CloudFront-Policy=/s);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'cloudfront-cookies');
  });

  test('generate a key, upload it into a key group with a profile’s session, and see which distributions trust which key groups', async ({ page, app }) => {
    test.setTimeout(90_000);
    await openApp(page, app, 'cloudfront');
    const user = await createUserWithKey('media-signer');
    await invoke(page, 'profiles.addUser', { name: 'acme-media', label: 'Acme', accessKeyId: user.credentials.accessKeyId, secretAccessKey: user.credentials.secretAccessKey });
    await page.reload();
    await expect(page.getByTestId('cf-keys')).toBeVisible();

    await page.getByRole('button', { name: 'Generate' }).click();
    const dialog = page.getByTestId('cf-generate-dialog');
    await dialog.getByLabel('Label').fill('Acme downloads');
    await dialog.getByLabel('Customer').fill('Acme');
    await expect(dialog.getByLabel('Upload the public key to CloudFront')).toBeChecked();
    await dialog.getByLabel('Key group').fill('acme signers');
    await dialog.getByRole('button', { name: 'Generate and upload' }).click();
    // The name is checked before a key is made, so nothing is left half-done.
    await expect(dialog.getByLabel('Key group')).toBeFocused();
    await expect(dialog.getByText('A key group name is 1–128 letters, digits, - and _')).toBeVisible();
    await dialog.getByLabel('Key group').fill('acme-signers');
    await dialog.getByRole('button', { name: 'Generate and upload' }).click();
    await expect(dialog).toBeHidden({ timeout: 20_000 });
    await expect(page.getByRole('status').filter({ hasText: 'in key group acme-signers' })).toBeVisible();
    const keyId = (await page.getByTestId('cf-key-list').getByRole('option', { name: /Acme downloads/ }).locator('.cf-keys__id').textContent()) ?? '';
    expect(keyId).toMatch(/^[A-Z0-9]{8,40}$/);

    const trust = page.getByTestId('cf-trust');
    await trust.getByRole('button', { name: 'Look up' }).click();
    const row = trust.getByRole('row', { name: /acme-signers/ });
    await expect(row).toContainText('Acme downloads');
    await expect(row).toContainText('no distribution');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'cloudfront-trust');

    // Removing it names the key group that still trusts it.
    await page.getByRole('button', { name: 'Remove Acme downloads' }).click();
    await expect(page.getByTestId('cf-remove-dialog')).toContainText('Still trusted: key group acme-signers');
    await shot(page, 'cloudfront-remove');
  });
});
