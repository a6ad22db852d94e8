import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EncryptedFileDocumentStore,
  STORE_FILE_NAME,
  resolveStoreHome,
} from '../../../../../electron/node/store/encrypted-file.document-store';
import { sealEnvelope } from '../../../../../electron/node/store/store-envelope';
import { STORE_KEY_ITEM } from '../../../../../shared/domain/keychain-items';
import { RoledeckError } from '../../../../../shared/contract/errors';
import type { KeychainStatus } from '../../../../../shared/domain/keychain';
import {
  CURRENT_STORE_VERSION,
  HISTORY_LIMIT,
  STORE_MIGRATIONS,
  emptyDocument,
} from '../../../../../shared/domain/store-document';
import type { SecretStore } from '../../../../../shared/ports/secret-store';
import { MemorySecretStore } from '../../../../fakes/memory.secret-store';
import { recordingLogger } from '../../../../fakes/recording.logger';
import { sampleRole, sampleUser } from './sample-profiles';

/** Counts keychain calls, and can fail them the way a locked keychain does. */
class CountingSecretStore implements SecretStore {
  gets = 0;
  sets = 0;
  failWith: RoledeckError | null = null;
  constructor(readonly inner: MemorySecretStore) {}
  async get(name: string): Promise<Uint8Array | null> {
    this.gets += 1;
    if (this.failWith) throw this.failWith;
    return this.inner.get(name);
  }
  async set(name: string, value: Uint8Array): Promise<void> {
    this.sets += 1;
    if (this.failWith) throw this.failWith;
    return this.inner.set(name, value);
  }
  delete(name: string): Promise<boolean> {
    return this.inner.delete(name);
  }
  status(): Promise<KeychainStatus> {
    return this.inner.status();
  }
}

let home: string;
let secrets: MemorySecretStore;

beforeEach(async () => {
  home = path.join(await mkdtemp(path.join(tmpdir(), 'roledeck-store-')), 'home');
  secrets = new MemorySecretStore();
});
afterEach(async () => {
  await rm(path.dirname(home), { recursive: true, force: true });
});

function storeWith(secretStore: SecretStore = secrets, extra: { lockTimeoutMs?: number; staleLockMs?: number } = {}) {
  const { logger, lines } = recordingLogger();
  return { store: new EncryptedFileDocumentStore({ home, secrets: secretStore, logger, clock: { now: () => Date.UTC(2025, 0, 2, 3, 4, 5) }, ...extra }), lines };
}

const file = () => path.join(home, STORE_FILE_NAME);

async function failure(promise: Promise<unknown>): Promise<RoledeckError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RoledeckError);
  return error as RoledeckError;
}

async function seedStore(): Promise<Buffer> {
  const { store } = storeWith();
  await store.update((doc) => {
    doc.profiles.push(sampleUser('source'), sampleRole('acme'), sampleRole('globex'));
  });
  return readFile(file());
}

async function writeSealed(document: unknown, documentVersion = CURRENT_STORE_VERSION): Promise<Buffer> {
  const key = (await secrets.get(STORE_KEY_ITEM))!;
  const bytes = sealEnvelope(Buffer.from(JSON.stringify(document)), key, documentVersion);
  await writeFile(file(), bytes);
  return bytes;
}

async function backups(): Promise<string[]> {
  return (await readdir(home)).filter((name) => name !== STORE_FILE_NAME).sort();
}

describe('encrypted profile store', () => {
  it('starts empty on first run without touching the disk or the keychain', async () => {
    const counting = new CountingSecretStore(secrets);
    const { store } = storeWith(counting);
    expect(await store.read()).toEqual(emptyDocument());
    expect(existsSync(home)).toBe(false);
    expect(counting.gets + counting.sets).toBe(0);
  });

  it('saves profiles and settings and reads them back in a new process', async () => {
    const { store } = storeWith();
    const result = await store.update((doc) => {
      doc.profiles.push(sampleUser('source'), sampleRole('acme'));
      doc.settings.mfaSessionSeconds = 43200;
      doc.history.push({ at: 1, action: 'profile.add', profileId: 'role-id-acme' });
      return doc.profiles.length;
    });
    expect(result).toBe(2);
    const reread = await storeWith().store.read();
    expect(reread.profiles).toEqual([sampleUser('source'), sampleRole('acme')]);
    expect(reread.settings).toEqual({ roleNameAllowList: [], mfaSessionSeconds: 43200 });
    expect(reread.history).toEqual([{ at: 1, action: 'profile.add', profileId: 'role-id-acme' }]);
    expect(secrets.items.get(STORE_KEY_ITEM)?.length).toBe(32);
  });

  it('keeps no profile name, ExternalId or role ARN readable on disk, and keeps the file private', async () => {
    const bytes = await seedStore();
    const text = bytes.toString('latin1');
    for (const plain of ['customer-acme-prod', 'extid-acme-Zq8wV3rT', 'consultant-source', 'RoledeckAccess', 'AKIAIOSFODNN7EXAMPLE', '"profiles"']) {
      expect(text).not.toContain(plain);
      expect(bytes.includes(Buffer.from(plain, 'utf16le'))).toBe(false);
    }
    if (process.platform !== 'win32') {
      expect((await stat(file())).mode & 0o777).toBe(0o600);
      expect((await stat(home)).mode & 0o777).toBe(0o700);
    }
  });

  it('writes a fresh IV each time: the same document never produces the same bytes', async () => {
    const { store } = storeWith();
    await store.update((doc) => void doc.profiles.push(sampleRole('a')));
    const first = await readFile(file());
    await store.update((doc) => void (doc.settings.preferredShell = 'fish'));
    await store.update((doc) => void delete doc.settings.preferredShell);
    expect((await readFile(file())).equals(first)).toBe(false);
    expect((await store.read()).profiles).toEqual([sampleRole('a')]);
  });

  it('refuses a file with a changed byte, keeps it, sets one copy aside and says what to do', async () => {
    const original = await seedStore();
    const tampered = Buffer.from(original);
    tampered[tampered.length - 5]! ^= 0x01;
    await writeFile(file(), tampered);
    const { store, lines } = storeWith();
    const error = await failure(store.read());
    expect(error.code).toBe('STORE_UNREADABLE');
    expect(error.message).toMatch(/changed or damaged/);
    expect(error.message).toMatch(/Start over/);
    const [copy] = await backups();
    expect(copy).toMatch(/^profiles\.rdk\.broken-2025-01-02T03-04-05-000Z$/);
    expect(error.message).toContain(path.join(home, copy!));
    expect(await readFile(path.join(home, copy!))).toEqual(tampered);
    // Reading again, or trying to save, changes nothing and makes no second copy.
    expect((await failure(store.read())).code).toBe('STORE_UNREADABLE');
    expect((await failure(store.update((doc) => void doc.profiles.push(sampleRole('new'))))).code).toBe('STORE_UNREADABLE');
    expect(await readFile(file())).toEqual(tampered);
    expect(await backups()).toEqual([copy]);
    expect(lines.join('\n')).not.toContain('acme');
  });

  it('refuses a file written with another key, keeps it, and starts over only when asked', async () => {
    const original = await seedStore();
    const otherKey = randomBytes(32);
    await secrets.set(STORE_KEY_ITEM, otherKey);
    const { store } = storeWith();
    const error = await failure(store.read());
    expect(error.code).toBe('STORE_UNREADABLE');
    expect(error.message).toMatch(/different key/);
    expect(await readFile(file())).toEqual(original);

    const { setAsideAs } = await store.reset();
    expect(setAsideAs).not.toBeNull();
    expect(await readFile(setAsideAs!)).toEqual(original);
    expect(await store.read()).toEqual(emptyDocument());
    await store.update((doc) => void doc.profiles.push(sampleRole('fresh')));
    expect((await storeWith().store.read()).profiles.map((p) => p.name)).toEqual(['customer-fresh-prod']);
    // Start over keeps the keychain's key: another store sharing the item is not broken by it.
    expect(Buffer.from(secrets.items.get(STORE_KEY_ITEM)!)).toEqual(otherKey);
  });

  it('refuses a file whose keychain key was deleted instead of resetting it', async () => {
    const original = await seedStore();
    await secrets.delete(STORE_KEY_ITEM);
    const { store } = storeWith();
    const error = await failure(store.read());
    expect(error.code).toBe('STORE_UNREADABLE');
    expect(error.message).toMatch(/key is missing from the OS keychain/);
    expect(error.message).toContain('store/key');
    expect((await failure(store.update((doc) => void doc.profiles.push(sampleRole('x'))))).code).toBe('STORE_UNREADABLE');
    expect(await readFile(file())).toEqual(original);
    expect(secrets.items.has(STORE_KEY_ITEM)).toBe(false);

    const { setAsideAs } = await store.reset();
    expect(await readFile(setAsideAs!)).toEqual(original);
    expect(secrets.items.get(STORE_KEY_ITEM)?.length).toBe(32);
    expect(await storeWith().store.read()).toEqual(emptyDocument());
  });

  it('refuses a store from a newer Roledeck and never overwrites it', async () => {
    await seedStore();
    const next = CURRENT_STORE_VERSION + 1;
    const newer = await writeSealed({ version: next, profiles: [], settings: {}, history: [], customers: [], vaults: [] }, next);
    const { store } = storeWith();
    const error = await failure(store.read());
    expect(error.code).toBe('STORE_NEWER_VERSION');
    expect(error.message).toContain(`created by a newer Roledeck (store version ${next}; this Roledeck reads up to version ${CURRENT_STORE_VERSION})`);
    expect(error.message).toMatch(/upgrade/);
    expect((await failure(store.update((doc) => void doc.profiles.push(sampleRole('x'))))).code).toBe('STORE_NEWER_VERSION');
    expect(await readFile(file())).toEqual(newer);
    expect(await backups()).toEqual(['profiles.rdk.newer-2025-01-02T03-04-05-000Z']);
  });

  it('refuses a store whose envelope format is newer, without needing the key', async () => {
    const bytes = Buffer.from(await seedStore());
    bytes[8] = 9;
    await writeFile(file(), bytes);
    const counting = new CountingSecretStore(secrets);
    const error = await failure(storeWith(counting).store.read());
    expect(error.code).toBe('STORE_NEWER_VERSION');
    expect(error.message).toMatch(/created by a newer Roledeck \(a newer store format;/);
    expect(counting.gets).toBe(0);
  });

  it('refuses a decryptable document that breaks the schema, naming the field', async () => {
    await seedStore();
    const bad = { ...emptyDocument(), profiles: [{ ...sampleRole('acme'), durationSeconds: 5 }] };
    const written = await writeSealed(bad);
    const error = await failure(storeWith().store.read());
    expect(error.code).toBe('STORE_UNREADABLE');
    expect(error.message).toMatch(/profiles\.0\.durationSeconds/);
    expect(await readFile(file())).toEqual(written);
  });

  it('refuses a file that is not a Roledeck store at all', async () => {
    await seedStore();
    await writeFile(file(), '[profile acme]\nregion = eu-west-1\n');
    const error = await failure(storeWith().store.read());
    expect(error.code).toBe('STORE_UNREADABLE');
    expect(error.message).toMatch(/not a Roledeck store file/);
  });

  it('does not save a change that breaks the schema, and says so', async () => {
    const original = await seedStore();
    const { store } = storeWith();
    const error = await failure(store.update((doc) => void doc.profiles.push({ ...sampleRole('acme'), id: 'role-id-acme-2' })));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/Two profiles are named customer-acme-prod/);
    expect(await readFile(file())).toEqual(original);
  });

  it('writes nothing when the change throws or changes nothing', async () => {
    const { store } = storeWith();
    await expect(store.update(() => {
      throw new Error('changed my mind');
    })).rejects.toThrow('changed my mind');
    expect(await store.update((doc) => doc.profiles.length)).toBe(0);
    expect(await readdir(home)).toEqual([]);
  });

  it('leaves no temp or lock files behind after many saves', async () => {
    const { store } = storeWith();
    for (let index = 0; index < 20; index += 1) await store.update((doc) => void doc.profiles.push(sampleRole(`c${index}`)));
    expect(await readdir(home)).toEqual([STORE_FILE_NAME]);
    expect((await store.read()).profiles).toHaveLength(20);
  });

  it('reads the keychain once per process, however many reads and saves follow', async () => {
    await seedStore();
    const counting = new CountingSecretStore(secrets);
    const { store } = storeWith(counting);
    await Promise.all([store.read(), store.read(), store.read()]);
    for (let index = 0; index < 10; index += 1) await store.read();
    await store.update((doc) => void doc.profiles.push(sampleRole('more')));
    await store.read();
    expect(counting.gets).toBe(1);
    expect(counting.sets).toBe(0);
  });

  it('passes a locked keychain through unchanged and writes nothing on first run', async () => {
    const locked = new RoledeckError('KEYCHAIN_LOCKED', 'The OS keychain is locked. Unlock it and try again.');
    const counting = new CountingSecretStore(secrets);
    counting.failWith = locked;
    const error = await failure(storeWith(counting).store.update((doc) => void doc.profiles.push(sampleRole('a'))));
    expect(error).toBe(locked);
    expect(existsSync(file())).toBe(false);
    expect(existsSync(home) ? await readdir(home) : []).toEqual([]);
  });

  it('passes a locked keychain through unchanged for an existing store, and sets nothing aside', async () => {
    const original = await seedStore();
    const counting = new CountingSecretStore(secrets);
    counting.failWith = new RoledeckError('KEYCHAIN_UNAVAILABLE', 'The OS keychain cannot be reached.');
    const { store } = storeWith(counting);
    expect((await failure(store.read())).code).toBe('KEYCHAIN_UNAVAILABLE');
    expect((await failure(store.update((doc) => void doc.profiles.push(sampleRole('a'))))).code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(await readdir(home)).toEqual([STORE_FILE_NAME]);
    expect(await readFile(file())).toEqual(original);
    counting.failWith = null;
    expect((await store.read()).profiles).toHaveLength(3);
  });

  it('keeps only the newest history entries', async () => {
    const { store } = storeWith();
    await store.update((doc) => {
      for (let at = 0; at < HISTORY_LIMIT + 100; at += 1) doc.history.push({ at, action: 'session.refresh' });
    });
    const { history } = await store.read();
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]!.at).toBe(100);
  });

  it('keeps settings this build does not know, so a newer build does not lose them', async () => {
    const { store } = storeWith();
    await store.update((doc) => void Object.assign(doc.settings, { themeFromTheFuture: 'dark' }));
    await store.update((doc) => void doc.profiles.push(sampleRole('a')));
    expect((await storeWith().store.read()).settings).toEqual({ roleNameAllowList: [], themeFromTheFuture: 'dark' });
  });

  it('loses no update when two store objects save at the same time', async () => {
    const stores = [storeWith().store, storeWith().store];
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => stores[index % 2]!.update((doc) => void doc.profiles.push(sampleRole(`p${index}`)))),
    );
    expect((await storeWith().store.read()).profiles).toHaveLength(20);
  });

  it('starts over by moving the unreadable file aside under a timestamped name, never deleting it', async () => {
    const original = await seedStore();
    await secrets.delete(STORE_KEY_ITEM);
    const { store } = storeWith();
    const error = await failure(store.read());
    expect(error.message).toContain('roledeck store reset');
    expect(error.message).toMatch(/keychain secrets stay/);
    const [copy] = await backups();

    const { setAsideAs } = await store.reset();
    expect(path.dirname(setAsideAs!)).toBe(home);
    expect(path.basename(setAsideAs!)).toMatch(/^profiles\.rdk\.broken-2025-01-02T03-04-05-000Z-2$/);
    expect(await readFile(setAsideAs!)).toEqual(original);
    // The copy made when it was first read stays too: nothing is ever removed.
    expect(await backups()).toEqual([copy, path.basename(setAsideAs!)].sort());
    expect(await readFile(file())).not.toEqual(original);
    expect(await storeWith().store.read()).toEqual(emptyDocument());
  });

  it('moves a readable store aside as "previous" when asked to start over', async () => {
    const original = await seedStore();
    const { store } = storeWith();
    const { setAsideAs } = await store.reset();
    expect(path.basename(setAsideAs!)).toBe('profiles.rdk.previous-2025-01-02T03-04-05-000Z');
    expect(await readFile(setAsideAs!)).toEqual(original);
    expect((await store.read()).profiles).toEqual([]);
  });

  it('does not start over while the keychain is locked: the file stays where it is', async () => {
    const original = await seedStore();
    const counting = new CountingSecretStore(secrets);
    counting.failWith = new RoledeckError('KEYCHAIN_LOCKED', 'The OS keychain is locked. Unlock it and try again.');
    expect((await failure(storeWith(counting).store.reset())).code).toBe('KEYCHAIN_LOCKED');
    expect(await readdir(home)).toEqual([STORE_FILE_NAME]);
    expect(await readFile(file())).toEqual(original);
  });

  it('reads a version 1 store and derives a customer for every label, keeping its colour', async () => {
    await seedStore();
    const user = { ...sampleUser('source'), label: 'Acme' };
    const acme = { ...sampleRole('acme'), label: 'acme ', color: '#e03131' };
    const globex = { ...sampleRole('globex') };
    const v1 = { version: 1, profiles: [user, acme, globex], settings: { roleNameAllowList: [] }, history: [] };
    await writeSealed(v1, 1);
    const { store, lines } = storeWith();
    const read = await store.read();
    expect(read.version).toBe(CURRENT_STORE_VERSION);
    expect(read.profiles).toEqual([user, acme, globex]);
    expect(read.customers.map((customer) => [customer.name, customer.color, customer.onboarding, customer.production])).toEqual([
      ['Acme', '#e03131', 'role-created', true],
      ['Customer globex', '#3366cc', 'role-created', true],
    ]);
    expect(lines.join('\n')).toContain('migrated the profile store');
    // The next save writes the migrated document; the customers' ids stay as derived.
    await store.update((doc) => void (doc.settings.preferredShell = 'fish'));
    expect((await storeWith().store.read()).customers).toEqual(read.customers);
  });

  it('starts over on a missing file by creating an empty store', async () => {
    const { store } = storeWith();
    expect(await store.reset()).toEqual({ setAsideAs: null });
    expect(await readdir(home)).toEqual([STORE_FILE_NAME]);
    expect(await storeWith().store.read()).toEqual(emptyDocument());
  });

  it('takes ROLEDECK_HOME over the app data directory', () => {
    expect(resolveStoreHome('/app/data', { ROLEDECK_HOME: '/tmp/rd' })).toBe(path.resolve('/tmp/rd'));
    expect(resolveStoreHome('/app/data', { ROLEDECK_HOME: '' })).toBe('/app/data');
    expect(resolveStoreHome('/app/data', {})).toBe('/app/data');
  });

  it('has one migration per version before the current one', () => {
    expect(STORE_MIGRATIONS).toHaveLength(CURRENT_STORE_VERSION - 1);
  });
});
