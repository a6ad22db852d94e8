import type { IamUserProfile } from '../domain/profile';
import type { StoreDocument } from '../domain/store-document';

/** The profiles and the settings that shape sessions, as one read of the store found them. */
export type ProfileSnapshot = Pick<StoreDocument, 'profiles' | 'settings'>;

/**
 * What other features need of the profiles: sessions today; deploys, CloudFront and onboarding
 * next. ProfileService implements it, so no feature imports the profiles folder.
 */
export interface ProfileDirectory {
  /** Every profile and the settings, from one read: a session's whole chain comes from one snapshot. */
  read(): Promise<ProfileSnapshot>;
  /**
   * The IAM user's secret access key, from the keychain. Main side only: never for IPC, logs or
   * error messages. Rejects NOT_FOUND (with what to do) when the keychain has no key for the user.
   */
  userSecret(user: IamUserProfile): Promise<string>;
}
