import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EncryptedFileDocumentStore } from '../../electron/node/store/encrypted-file.document-store';
import { MemorySecretStore } from '../fakes/memory.secret-store';
import { recordingLogger } from '../fakes/recording.logger';
import { sampleRole, sampleUser } from '../unit/electron/node/store/sample-profiles';
import { median, type Figure } from './harness';

const PROFILES = 2_000;
const SAMPLES = 25;

async function millis(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i += 1) await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const started = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(samples);
}

/**
 * Cold load of a 2,000-profile store (a new store object: file read, AES-GCM decrypt, JSON parse,
 * schema validation) against reading and JSON.parse-ing the same plaintext from a plain file.
 * The keychain is the in-memory fake, so the figure is the store's own cost.
 */
export async function benchProfileStore(): Promise<Figure[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'roledeck-bench-store-'));
  try {
    const secrets = new MemorySecretStore();
    const { logger } = recordingLogger();
    const open = () => new EncryptedFileDocumentStore({ home: dir, secrets, logger });
    await open().update((doc) => {
      doc.profiles.push(sampleUser('source'));
      for (let i = 1; i < PROFILES; i += 1) doc.profiles.push(sampleRole(`c${i}`));
    });
    const plainFile = path.join(dir, 'profiles.json');
    await writeFile(plainFile, JSON.stringify(await open().read()));

    const cold = await millis(async () => {
      const document = await open().read();
      if (document.profiles.length !== PROFILES) throw new Error('store bench: wrong profile count');
    });
    const plain = await millis(async () => JSON.parse(await readFile(plainFile, 'utf8')) as unknown);
    return [
      {
        name: `profile store cold load (${PROFILES.toLocaleString('en')} profiles)`,
        value: cold,
        reference: plain,
        referenceName: 'plain file + JSON.parse',
        unit: 'ms',
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
