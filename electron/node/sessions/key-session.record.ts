import type { KeySession } from '../../../shared/domain/store-document';
import type { Clock } from '../../../shared/ports/clock';
import type { DocumentStore } from '../../../shared/ports/document-store';
import type { Logger } from '../../../shared/ports/logger';

/**
 * Which IAM users are in use with their long-term keys, kept in the profile store's settings
 * (settings.keySessions). Nothing is cached for such a session, so without this record only the
 * process that started it knew it was live: the app listed the user as live while `roledeck list`
 * did not, and a restart forgot it. The store is what the app, the CLI and a restarted app all read.
 * A failed write is logged, never thrown: the session itself works either way.
 */
export class KeySessionRecord {
  constructor(private readonly deps: { store: DocumentStore; clock: Clock; logger: Logger }) {}

  /** Records the user as live (from now, unless it already was), with the identity when known. */
  async remember(profileId: string, identity?: { arn: string; accountId: string }): Promise<void> {
    try {
      await this.deps.store.update((doc) => {
        const list = doc.settings.keySessions ?? [];
        const current = list.find((entry) => entry.profileId === profileId);
        const next: KeySession = { profileId, since: current?.since ?? this.deps.clock.now(), ...(identity ?? (current?.arn ? { arn: current.arn, accountId: current.accountId ?? '' } : {})) };
        doc.settings.keySessions = [...list.filter((entry) => entry.profileId !== profileId), next];
      });
    } catch (error) {
      this.deps.logger.warn('could not record that an IAM user is in use with its keys', { profileId, error });
    }
  }

  async forget(profileId: string): Promise<void> {
    try {
      await this.deps.store.update((doc) => {
        const list = doc.settings.keySessions ?? [];
        if (list.some((entry) => entry.profileId === profileId)) doc.settings.keySessions = list.filter((entry) => entry.profileId !== profileId);
      });
    } catch (error) {
      this.deps.logger.warn('could not record that an IAM user is no longer in use', { profileId, error });
    }
  }
}
