import { RoledeckError } from '../../../shared/contract/errors';
import type { CloudFrontKey } from '../../../shared/domain/cloudfront-key';
import type {
  SignCookiesInput,
  SignedCookiesResult,
  SignedUrlResult,
  SignedUrlsResult,
  SignUrlInput,
  SignUrlsInput,
} from '../../../shared/domain/cloudfront-signing';
import { planSigning, signedCookieSet, signedUrl, signedUrls, type SignOptions, type SignPlan } from '../../../shared/logic/cloudfront-sign-plan';
import { formatEpoch } from '../../../shared/logic/cloudfront-time';
import type { AuditLog } from '../../../shared/ports/audit-log';
import type { Clock } from '../../../shared/ports/clock';
import type { CloudFrontKeyRepository } from '../../../shared/ports/cloudfront-key-repository';
import type { Logger } from '../../../shared/ports/logger';
import { recordAudit } from '../audit/record-audit';
import type { BatchSigner } from './policy-signer';
import type { SigningKeyCache } from './signing-key.cache';

/** "Last used" is for people ("used today"); rewriting the store on every signature would cost more than signing. */
const LAST_USED_RESOLUTION_MS = 60_000;

interface Signed {
  plan: SignPlan;
  signatures: string[];
  keyPairId: string;
}

export interface CloudFrontSignServiceDeps {
  keys: CloudFrontKeyRepository;
  /** Shared with CloudFrontKeyService. */
  signingKeys: SigningKeyCache;
  clock: Clock;
  logger: Logger;
  audit: AuditLog;
  /** A WorkerPoolSigner in the app (batches off the main thread); inThreadSigner is enough for one URL. */
  signer: BatchSigner;
}

/**
 * Signed URLs (one, or a batch with one policy) and signed cookies. The policy work is pure
 * (shared/logic/cloudfront-sign-plan); this service finds the key, has `signer` sign the
 * policies, notes the use on the key and records what was signed, with which key, in the history.
 */
export class CloudFrontSignService {
  constructor(private readonly deps: CloudFrontSignServiceDeps) {}

  async signUrl(input: SignUrlInput): Promise<SignedUrlResult> {
    const { plan, signatures, keyPairId } = await this.sign('sign-cloudfront-url', input.key, [input.url], input);
    return signedUrl(plan, signatures, keyPairId);
  }

  /** Every URL with the same expiry, start, IP range and resource; the output keeps the input's order. */
  async signUrls(input: SignUrlsInput): Promise<SignedUrlsResult> {
    const { plan, signatures, keyPairId } = await this.sign('sign-cloudfront-url', input.key, input.urls, input);
    return signedUrls(plan, signatures, keyPairId);
  }

  async signCookies(input: SignCookiesInput): Promise<SignedCookiesResult> {
    const { plan, signatures, keyPairId } = await this.sign('sign-cloudfront-cookies', input.key, [input.url], input);
    return signedCookieSet(plan, signatures[0]!, keyPairId);
  }

  private async sign(action: string, id: string, urls: readonly string[], options: SignOptions): Promise<Signed> {
    const key = (await this.deps.keys.list()).find((entry) => entry.id === id);
    if (!key) throw new RoledeckError('NOT_FOUND', 'That CloudFront key is no longer stored. Pick another key.');
    if (!key.keyPairId) {
      throw new RoledeckError(
        'VALIDATION',
        `"${key.label}" has no CloudFront key ID yet. Upload its public key to CloudFront (Public keys → Create public key), add it to a key group, and enter the ID CloudFront shows.`,
      );
    }
    const plan = planSigning(urls, options, this.deps.clock.now());
    const signatures = await this.deps.signer.sign(await this.deps.signingKeys.get(key), plan.policies);
    await this.noteUse(key);
    const what = urls.length === 1 ? (plan.resource ?? plan.items[0]!.url) : `${urls.length} URLs${plan.resource ? ` under ${plan.resource}` : ''}`;
    await recordAudit(this.deps.audit, this.deps.logger, {
      at: this.deps.clock.now(),
      action,
      ...(key.customer ? { customer: key.customer } : {}),
      result: 'ok',
      detail: `${what}, ${plan.kind} policy until ${formatEpoch(plan.expiresAt)}, key "${key.label}" (${key.keyPairId})`,
    });
    return { plan, signatures, keyPairId: key.keyPairId };
  }

  private async noteUse(key: CloudFrontKey): Promise<void> {
    const now = this.deps.clock.now();
    if (key.lastUsedAt !== undefined && now - key.lastUsedAt < LAST_USED_RESOLUTION_MS) return;
    try {
      await this.deps.keys.update((keys) => {
        const stored = keys.find((entry) => entry.id === key.id);
        if (stored) stored.lastUsedAt = now;
      });
    } catch (error) {
      // The URLs are signed; a busy or locked store only costs the "last used" date.
      this.deps.logger.warn('could not record the use of a CloudFront key', { error });
    }
  }
}
