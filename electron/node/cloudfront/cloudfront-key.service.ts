import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { RoledeckError } from '../../../shared/contract/errors';
import type { CloudFrontKey, GenerateCloudFrontKeyInput, ImportCloudFrontKeyInput, UpdateCloudFrontKeyInput } from '../../../shared/domain/cloudfront-key';
import { cloudfrontKeyItem } from '../../../shared/domain/keychain-items';
import type { AuditLog } from '../../../shared/ports/audit-log';
import type { Clock } from '../../../shared/ports/clock';
import type { CloudFrontKeyRepository } from '../../../shared/ports/cloudfront-key-repository';
import type { Logger } from '../../../shared/ports/logger';
import type { SecretStore } from '../../../shared/ports/secret-store';
import { recordAudit } from '../audit/record-audit';
import { generateSigningKey, readSigningKey, type SigningKeyMaterial } from './pem-key';
import type { SigningKeyCache } from './signing-key.cache';

/** A private key PEM is under 4 KB; anything much larger is the wrong file. */
const MAX_PEM_FILE_BYTES = 64 * 1024;

function requireKey(keys: readonly CloudFrontKey[], id: string): CloudFrontKey {
  const key = keys.find((entry) => entry.id === id);
  if (!key) throw new RoledeckError('NOT_FOUND', 'That CloudFront key is no longer stored. Refresh the list.');
  return key;
}

function requireFreeKeyPairId(keys: readonly CloudFrontKey[], keyPairId: string | undefined, exceptId?: string): void {
  const clash = keyPairId === undefined ? undefined : keys.find((entry) => entry.keyPairId === keyPairId && entry.id !== exceptId);
  if (clash) {
    throw new RoledeckError('CONFLICT', `The key ID ${keyPairId} is already stored as "${clash.label}". Remove that key first, or check the ID.`);
  }
}

async function readPemFile(file: string): Promise<string> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new RoledeckError('VALIDATION', `${file} is not a file. Pick the private key's .pem file.`);
    if (info.size > MAX_PEM_FILE_BYTES) throw new RoledeckError('VALIDATION', `${file} is ${info.size} bytes, far larger than a private key PEM. Pick the private key's .pem file.`);
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof RoledeckError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new RoledeckError('NOT_FOUND', `There is no file at ${file}.`);
    throw new RoledeckError('VALIDATION', `${file} cannot be read (${code ?? 'unknown error'}). Check its permissions.`);
  }
}

function described(key: CloudFrontKey): string {
  return `"${key.label}" (${key.keyPairId ?? 'no CloudFront key ID yet'}, ${key.fingerprint})`;
}

export interface CloudFrontKeyServiceDeps {
  keys: CloudFrontKeyRepository;
  secrets: SecretStore;
  clock: Clock;
  logger: Logger;
  audit: AuditLog;
  /** Shared with CloudFrontSignService, so a removed key is dropped there too. */
  signingKeys: SigningKeyCache;
  newId?: () => string;
}

/**
 * The CloudFront key store: private keys in the OS keychain, metadata (key ID, label, customer,
 * fingerprint, public key, dates) in the profile store. A key is written to the keychain first
 * and listed second, so the list never names a key the keychain lacks; a failed listing removes
 * the keychain item again.
 */
export class CloudFrontKeyService {
  private readonly newId: () => string;

  constructor(private readonly deps: CloudFrontKeyServiceDeps) {
    this.newId = deps.newId ?? randomUUID;
  }

  async list(): Promise<CloudFrontKey[]> {
    const keys = await this.deps.keys.list();
    return [...keys].sort((a, b) => (a.customer ?? '').localeCompare(b.customer ?? '') || a.label.localeCompare(b.label));
  }

  async get(id: string): Promise<CloudFrontKey> {
    return requireKey(await this.deps.keys.list(), id);
  }

  /** PEM text or a PEM file; PKCS#1 or PKCS#8; encrypted ones need `passphrase` and are stored decrypted. */
  async importKey(input: ImportCloudFrontKeyInput): Promise<CloudFrontKey> {
    const pem = input.file !== undefined ? await readPemFile(input.file) : (input.pem ?? '');
    const material = readSigningKey(pem, input.passphrase);
    return this.store(material, {
      origin: 'imported',
      label: input.label ?? input.keyPairId ?? 'Imported key',
      keyPairId: input.keyPairId,
      customer: input.customer,
    });
  }

  /**
   * A new RSA 2048 pair. The private half goes straight into the keychain; the caller gets the
   * public key (in the result) to upload to CloudFront, then sets the key ID CloudFront returns.
   */
  async generateKey(input: GenerateCloudFrontKeyInput): Promise<CloudFrontKey> {
    const material = await generateSigningKey();
    const day = new Date(this.deps.clock.now()).toISOString().slice(0, 10);
    return this.store(material, { origin: 'generated', label: input.label ?? `Generated ${day}`, keyPairId: input.keyPairId, customer: input.customer });
  }

  async update(input: UpdateCloudFrontKeyInput): Promise<CloudFrontKey> {
    const updated = await this.deps.keys.update((keys) => {
      const key = requireKey(keys, input.id);
      requireFreeKeyPairId(keys, input.keyPairId, key.id);
      if (input.label !== undefined) key.label = input.label;
      if (input.keyPairId !== undefined) key.keyPairId = input.keyPairId;
      if (input.customer === '') delete key.customer;
      else if (input.customer !== undefined) key.customer = input.customer;
      return { ...key };
    });
    await this.record('update-cloudfront-key', updated);
    return updated;
  }

  /** Deletes the keychain item first: if the keychain is locked, nothing changes and the user is told. */
  async remove(id: string): Promise<void> {
    const key = await this.get(id);
    await this.deps.secrets.delete(cloudfrontKeyItem(id));
    this.deps.signingKeys.forget(id);
    await this.deps.keys.update((keys) => {
      const index = keys.findIndex((entry) => entry.id === id);
      if (index !== -1) keys.splice(index, 1);
    });
    await this.record('remove-cloudfront-key', key);
  }

  /** The public key as SPKI PEM, for CloudFront's "Create public key" (or CreatePublicKey's EncodedKey). */
  async exportPublicKey(id: string): Promise<string> {
    return (await this.get(id)).publicKeyPem;
  }

  private async store(
    material: SigningKeyMaterial,
    meta: { origin: CloudFrontKey['origin']; label: string; keyPairId: string | undefined; customer: string | undefined },
  ): Promise<CloudFrontKey> {
    requireFreeKeyPairId(await this.deps.keys.list(), meta.keyPairId);
    const key: CloudFrontKey = {
      id: this.newId(),
      ...(meta.keyPairId !== undefined ? { keyPairId: meta.keyPairId } : {}),
      label: meta.label,
      ...(meta.customer ? { customer: meta.customer } : {}),
      fingerprint: material.fingerprint,
      publicKeyPem: material.publicKeyPem,
      origin: meta.origin,
      createdAt: this.deps.clock.now(),
    };
    const secretName = cloudfrontKeyItem(key.id);
    await this.deps.secrets.set(secretName, new TextEncoder().encode(material.privatePem));
    try {
      await this.deps.keys.update((keys) => {
        requireFreeKeyPairId(keys, key.keyPairId);
        keys.push(key);
      });
    } catch (error) {
      await this.deps.secrets.delete(secretName).catch(() => false);
      throw error;
    }
    await this.record(meta.origin === 'generated' ? 'generate-cloudfront-key' : 'import-cloudfront-key', key);
    return key;
  }

  private record(action: string, key: CloudFrontKey): Promise<void> {
    return recordAudit(this.deps.audit, this.deps.logger, {
      at: this.deps.clock.now(),
      action,
      ...(key.customer ? { customer: key.customer } : {}),
      result: 'ok',
      detail: described(key),
    });
  }
}
