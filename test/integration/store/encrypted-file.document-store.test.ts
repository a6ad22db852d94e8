import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KeyringSecretStore } from '../../../electron/node/keychain/keyring.secret-store';
import {
  EncryptedFileDocumentStore,
  STORE_FILE_NAME,
} from '../../../electron/node/store/encrypted-file.document-store';
import { RoledeckError } from '../../../shared/contract/errors';
import { STORE_KEY_ITEM } from '../../../shared/domain/keychain-items';
import { recordingLogger } from '../../fakes/recording.logger';
import { sampleRole } from '../../unit/electron/node/store/sample-profiles';
import { lockKeyring, requireKeyringSession, unlockKeyring } from '../fixtures/keyring';

const service = `roledeck-test-store-${process.pid}`;
const WRITERS = 4;
const PROFILES_PER_WRITER = 25;

let root: string;
let home: string;

function openStore(): EncryptedFileDocumentStore {
  return new EncryptedFileDocumentStore({ home, secrets: new KeyringSecretStore({ service }), logger: recordingLogger().logger });
}

interface Writer {
  ready: Promise<void>;
  go(): void;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function startWriter(worker: number): Writer {
  const script = path.join(import.meta.dirname, 'add-profiles.script.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, home, service, String(worker), String(PROFILES_PER_WRITER)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (stdout.startsWith('ready\n')) markReady();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      markReady();
      resolve({ code, stdout, stderr });
    }),
  );
  return { ready, go: () => child.stdin.write('go\n'), done };
}

describe('encrypted profile store with the real keyring', () => {
  beforeAll(() => requireKeyringSession());
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'roledeck-store-it-'));
    home = path.join(root, 'home');
    await new KeyringSecretStore({ service }).delete(STORE_KEY_ITEM);
  });
  afterAll(async () => {
    unlockKeyring();
    await new KeyringSecretStore({ service }).delete(STORE_KEY_ITEM);
    if (root) await rm(root, { recursive: true, force: true });
  });

  it(`loses no profile when ${WRITERS} processes add ${PROFILES_PER_WRITER} each at the same time, from the first run on`, async () => {
    const writers = Array.from({ length: WRITERS }, (_, worker) => startWriter(worker));
    await Promise.all(writers.map((writer) => writer.ready));
    for (const writer of writers) writer.go();
    const results = await Promise.all(writers.map((writer) => writer.done));
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });

    const document = await openStore().read();
    const names = new Set(document.profiles.map((profile) => profile.name));
    expect(names.size).toBe(WRITERS * PROFILES_PER_WRITER);
    for (let worker = 0; worker < WRITERS; worker += 1) {
      for (let index = 0; index < PROFILES_PER_WRITER; index += 1) expect(names).toContain(`customer-w${worker}-${index}-prod`);
    }
    expect(document.history).toHaveLength(WRITERS * PROFILES_PER_WRITER);
    expect(await readdir(home)).toEqual([STORE_FILE_NAME]);
  }, 120_000);

  it('fails with KEYCHAIN_LOCKED and writes no store while the keyring is locked', async () => {
    lockKeyring();
    try {
      const error = await openStore()
        .update((doc) => void doc.profiles.push(sampleRole('locked')))
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RoledeckError);
      expect((error as RoledeckError).code).toBe('KEYCHAIN_LOCKED');
      expect((error as RoledeckError).message).toMatch(/Unlock/);
      expect(existsSync(path.join(home, STORE_FILE_NAME))).toBe(false);
      expect(existsSync(home) ? await readdir(home) : []).toEqual([]);
    } finally {
      unlockKeyring();
    }
    expect(await new KeyringSecretStore({ service }).get(STORE_KEY_ITEM)).toBeNull();
  });

  it('fails with KEYCHAIN_LOCKED on an existing store, and leaves it as it was', async () => {
    await openStore().update((doc) => void doc.profiles.push(sampleRole('acme')));
    const before = await readFile(path.join(home, STORE_FILE_NAME));
    lockKeyring();
    try {
      const store = openStore();
      const error = await store.read().catch((caught: unknown) => caught);
      expect((error as RoledeckError).code).toBe('KEYCHAIN_LOCKED');
      const failedUpdate = await store.update((doc) => void doc.profiles.push(sampleRole('x'))).catch((caught: unknown) => caught);
      expect((failedUpdate as RoledeckError).code).toBe('KEYCHAIN_LOCKED');
    } finally {
      unlockKeyring();
    }
    expect(await readdir(home)).toEqual([STORE_FILE_NAME]);
    expect(await readFile(path.join(home, STORE_FILE_NAME))).toEqual(before);
    expect((await openStore().read()).profiles.map((profile) => profile.name)).toEqual(['customer-acme-prod']);
  });
});
