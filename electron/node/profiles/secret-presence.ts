import { userSecretItem } from '../../../shared/domain/keychain-items';
import type { Profile } from '../../../shared/domain/profile';
import type { Clock } from '../../../shared/ports/clock';
import type { Logger } from '../../../shared/ports/logger';
import type { SecretStore } from '../../../shared/ports/secret-store';

/**
 * How long a look at the keychain stands for an IAM user's secret. The list is drawn often (the
 * window after every change, the tray every minute); one read per user per this long keeps that
 * cheap, and an item deleted behind Roledeck's back shows as missing at the next list after it.
 */
export const SECRET_PRESENCE_TTL_MS = 10_000;

/**
 * Whether the keychain holds each IAM user's secret, as last seen: `hasSecret` in the views is
 * what the keychain said, not an assumption. Writes and reads Roledeck makes itself update it at
 * once; anything else is read again when its answer is older than SECRET_PRESENCE_TTL_MS.
 */
export class SecretPresence {
  private readonly seen = new Map<string, { present: boolean; at: number }>();

  constructor(
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Looks again where the last answer is stale, then answers for every IAM user in `profiles`. */
  async check(profiles: readonly Profile[]): Promise<(profileId: string) => boolean> {
    const now = this.clock.now();
    const stale = profiles.filter((profile) => {
      if (profile.kind !== 'iam-user') return false;
      const last = this.seen.get(profile.id);
      return !last || now - last.at >= SECRET_PRESENCE_TTL_MS;
    });
    await Promise.all(
      stale.map(async (profile) => {
        try {
          this.saw(profile.id, (await this.secrets.get(userSecretItem(profile.id))) !== null);
        } catch (error) {
          // A locked or unreachable keychain says nothing about this item: the keychain banner
          // explains the keychain, and the last answer (or "present") stands meanwhile.
          this.logger.warn('could not check an IAM user secret in the keychain', { profileId: profile.id, error });
        }
      }),
    );
    return (profileId) => this.seen.get(profileId)?.present ?? true;
  }

  saw(profileId: string, present: boolean): void {
    this.seen.set(profileId, { present, at: this.clock.now() });
  }

  forget(profileId: string): void {
    this.seen.delete(profileId);
  }
}
