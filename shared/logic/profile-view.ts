import type { Profile } from '../domain/profile';
import type { ProfileView } from '../domain/profile-view';
import { parseRoleArn } from '../domain/aws-rules';
import { chainOf } from './profile-chain';
import { maskKeyId } from './redact';

/**
 * What the window and the CLI show of a stored profile: never the secret, the key ID masked.
 * `hasSecret` says whether the keychain holds an IAM user's secret (the caller looked); roles
 * never ask it.
 */
export function profileView(profiles: readonly Profile[], profile: Profile, hasSecret: (profileId: string) => boolean): ProfileView {
  const common = {
    id: profile.id,
    name: profile.name,
    ...(profile.label ? { label: profile.label } : {}),
    ...(profile.color ? { color: profile.color } : {}),
    ...(profile.favorite ? { favorite: true } : {}),
    ...(profile.region ? { region: profile.region } : {}),
    ...(profile.mfaSerial ? { mfaSerial: profile.mfaSerial } : {}),
  };
  if (profile.kind === 'iam-user') {
    return { kind: 'iam-user', ...common, accessKeyIdMasked: maskKeyId(profile.accessKeyId), hasSecret: hasSecret(profile.id) };
  }
  const arn = parseRoleArn(profile.roleArn);
  const source = profiles.find((entry) => entry.id === profile.sourceId);
  return {
    kind: 'role',
    ...common,
    roleArn: profile.roleArn,
    accountId: arn?.accountId ?? '',
    roleName: arn?.roleName ?? '',
    partition: arn?.partition ?? 'aws',
    sourceId: profile.sourceId,
    sourceName: source?.name ?? '(missing)',
    chain: chainOf(profiles, profile).map((entry) => entry.name),
    ...(profile.externalId ? { externalId: profile.externalId } : {}),
    ...(profile.sessionName ? { sessionName: profile.sessionName } : {}),
    ...(profile.durationSeconds ? { durationSeconds: profile.durationSeconds } : {}),
    ...(profile.sourceIdentity ? { sourceIdentity: profile.sourceIdentity } : {}),
    ...(profile.tags?.length ? { tags: profile.tags } : {}),
  };
}
