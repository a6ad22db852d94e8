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
import type { Clock } from '../../../shared/ports/clock';
import type { CloudFrontKeyRepository } from '../../../shared/ports/cloudfront-key-repository';
import type { Logger } from '../../../shared/ports/logger';
import type { BatchSigner } from './policy-signer';
import type { SigningKeyCache } from './signing-key.cache';

/** "Last used" is for people ("used today"); rewriting the store on every signature would cost more than signing. */
const LAST_USED_RESOLUTION_MS = 60_000;

interface Signed {
  plan: SignPlan;
  signatures: string[];
  keyPairId: string;
}

/**
 * Signed URLs (one, or a batch with one policy) and signed cookies. The policy work is pure
 * (shared/logic/cloudfront-sign-plan); this service finds the key, has `signer` sign the
 * policies (on worker threads for a batch, when given a WorkerPoolSigner) and notes the use.
 */
export class CloudFrontSignService {
  constructor(
    private readonly repository: CloudFrontKeyRepository,
    private readonly signingKeys: SigningKeyCache,
    private readonly clock: Clock,
    private readonly signer: BatchSigner,
    private readonly logger?: Logger,
  ) {}

  async signUrl(input: SignUrlInput): Promise<SignedUrlResult> {
    const { plan, signatures, keyPairId } = await this.sign(input.key, [input.url], input);
    return signedUrl(plan, signatures, keyPairId);
  }

  /** Every URL with the same expiry, start, IP range and resource; the output keeps the input's order. */
  async signUrls(input: SignUrlsInput): Promise<SignedUrlsResult> {
    const { plan, signatures, keyPairId } = await this.sign(input.key, input.urls, input);
    return signedUrls(plan, signatures, keyPairId);
  }

  async signCookies(input: SignCookiesInput): Promise<SignedCookiesResult> {
    const { plan, signatures, keyPairId } = await this.sign(input.key, [input.url], input);
    return signedCookieSet(plan, signatures[0]!, keyPairId);
  }

  private async sign(id: string, urls: readonly string[], options: SignOptions): Promise<Signed> {
    const key = (await this.repository.list()).find((entry) => entry.id === id);
    if (!key) throw new RoledeckError('NOT_FOUND', 'That CloudFront key is no longer stored. Pick another key.');
    if (!key.keyPairId) {
      throw new RoledeckError(
        'VALIDATION',
        `"${key.label}" has no CloudFront key ID yet. Upload its public key to CloudFront (Public keys → Create public key), add it to a key group, and enter the ID CloudFront shows.`,
      );
    }
    const plan = planSigning(urls, options, this.clock.now());
    const signatures = await this.signer.sign(await this.signingKeys.get(key), plan.policies);
    await this.noteUse(key);
    return { plan, signatures, keyPairId: key.keyPairId };
  }

  private async noteUse(key: CloudFrontKey): Promise<void> {
    const now = this.clock.now();
    if (key.lastUsedAt !== undefined && now - key.lastUsedAt < LAST_USED_RESOLUTION_MS) return;
    try {
      await this.repository.update((keys) => {
        const stored = keys.find((entry) => entry.id === key.id);
        if (stored) stored.lastUsedAt = now;
      });
    } catch (error) {
      // The URLs are signed; a busy or locked store only costs the "last used" date.
      this.logger?.warn('could not record the use of a CloudFront key', { error });
    }
  }
}
