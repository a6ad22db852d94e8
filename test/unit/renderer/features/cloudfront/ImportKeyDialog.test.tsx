// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CloudFrontKey } from '../../../../../shared/domain/cloudfront-key';
import { ImportKeyDialog } from '../../../../../renderer/src/features/cloudfront/ImportKeyDialog';
import { installRecordingBridge, polyfillModalDialogs, type, type Answer } from '../../dialog-kit';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const BODY = 'CANARYpemBodyMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI';
const ENCRYPTED = `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${BODY}\n-----END ENCRYPTED PRIVATE KEY-----\n`;
const PASSPHRASE = 'CANARY-passphrase-in-the-dialog';
const KEY: CloudFrontKey = {
  id: 'cfk-0001',
  label: 'Acme films',
  fingerprint: `SHA256:${'A'.repeat(43)}`,
  publicKeyPem: '-----BEGIN PUBLIC KEY-----\n',
  origin: 'imported',
  createdAt: 0,
};

let answers: Answer[];
const calls: Array<[string, unknown]> = [];

beforeAll(() => {
  polyfillModalDialogs();
  installRecordingBridge(calls, () => answers.shift()!);
});


function field<T extends HTMLElement = HTMLInputElement>(label: string): T | null {
  const element = Array.from(document.querySelectorAll('label')).find((candidate) => candidate.textContent?.startsWith(label));
  return element ? (document.getElementById(element.htmlFor) as T | null) : null;
}

describe('ImportKeyDialog', () => {
  let container: HTMLDivElement;
  let root: Root;
  let imported: CloudFrontKey[];

  beforeEach(() => {
    calls.length = 0;
    answers = [];
    imported = [];
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    act(() => root.render(<ImportKeyDialog onClose={() => undefined} onImported={(key) => imported.push(key)} />));
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  const submit = async (): Promise<void> => {
    await act(async () => {
      document.querySelector<HTMLFormElement>('#cf-import-form')!.requestSubmit();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  };

  it('asks for the passphrase of an encrypted PEM, and keeps both out of the page markup', () => {
    expect(field('Passphrase')).toBeNull();
    type(field<HTMLTextAreaElement>('Private key (PEM)')!, ENCRYPTED);
    const passphrase = field('Passphrase')!;
    expect(passphrase.type).toBe('password');
    type(passphrase, PASSPHRASE);
    type(field('Key ID')!, 'K2JCJMDEHXQW5F');
    const markup = document.documentElement.outerHTML;
    expect(markup).not.toContain(BODY);
    expect(markup).not.toContain(PASSPHRASE);
    // The other fields are not secret and stay as they were.
    expect(field('Key ID')!.getAttribute('value')).toBe('K2JCJMDEHXQW5F');
  });

  it('sends the PEM and passphrase as typed, with the other fields trimmed', async () => {
    answers = [{ ok: true, value: KEY }];
    type(field<HTMLTextAreaElement>('Private key (PEM)')!, ENCRYPTED);
    type(field('Passphrase')!, PASSPHRASE);
    type(field('Key ID')!, ' K2JCJMDEHXQW5F ');
    type(field('Label')!, 'Acme films');
    await submit();
    expect(calls).toEqual([['cloudfront.import', { pem: ENCRYPTED, keyPairId: 'K2JCJMDEHXQW5F', label: 'Acme films', passphrase: PASSPHRASE }]]);
    expect(imported).toEqual([KEY]);
  });

  it('sends no passphrase for a plain PEM, and shows the field when the main side asks for one', async () => {
    const plain = `-----BEGIN PRIVATE KEY-----\n${BODY}\n-----END PRIVATE KEY-----\n`;
    answers = [{ ok: false, error: { code: 'INVALID_REQUEST', message: 'passphrase: This private key is encrypted. Type its passphrase.' } }];
    type(field<HTMLTextAreaElement>('Private key (PEM)')!, plain);
    await submit();
    expect(calls).toEqual([['cloudfront.import', { pem: plain }]]);
    const passphrase = field('Passphrase')!;
    expect(passphrase.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(passphrase);
    expect(field<HTMLTextAreaElement>('Private key (PEM)')!.value).toBe(plain);
    expect(imported).toEqual([]);
  });

  it('fills the PEM field from a picked file, names the key after it, and asks for its passphrase', async () => {
    const picker = field('PEM file')!;
    const file = new File([ENCRYPTED], 'acme-films.pem', { type: 'text/plain' });
    Object.defineProperty(picker, 'files', { value: [file], configurable: true });
    await act(async () => {
      picker.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(field<HTMLTextAreaElement>('Private key (PEM)')!.value).toBe(ENCRYPTED);
    expect(field('Label')!.value).toBe('acme-films');
    expect(field('Passphrase')).not.toBeNull();
    expect(document.documentElement.outerHTML).not.toContain(BODY);
  });
});
