import type { AwsIniProfiles } from './aws-config-import';
import { linesContaining, readStaticKeys, removeStaticKeys } from './ini-keys';
import { maskKeyId } from './redact';

/**
 * Taking plaintext keys off disk after an import copied them into the keychain: which profiles of
 * `~/.aws/credentials` can lose their key lines, and the file without them. A profile qualifies
 * only when a Roledeck IAM user has the same access key ID AND the keychain holds exactly the
 * file's secret: then the credential_process line serves the very key the file held, so every
 * tool keeps the identity it had. No STS call is made to prove it: equal secrets prove it
 * offline, and a key AWS refuses today is refused from the file just the same.
 */

/** A Roledeck IAM user, as this needs it. */
export interface KeychainUser {
  id: string;
  name: string;
  accessKeyId: string;
  mfaSerial?: string | undefined;
}

export interface PlaintextReady {
  /** The profile's name in ~/.aws. */
  awsProfile: string;
  /** The Roledeck IAM user whose keychain secret serves it from now on. */
  user: { id: string; name: string };
  accessKeyIdMasked: string;
  /** The user has an MFA device: credential_process serves an MFA session, asking once for a code. */
  mfa: boolean;
}

export interface PlaintextKept {
  awsProfile: string;
  /** Why its keys stay, and what would change that. Never holds a secret. */
  reason: string;
}

export interface PlaintextPlan {
  ready: PlaintextReady[];
  kept: PlaintextKept[];
}

/** Keys that make the SDKs use something other than credential_process once the static keys are gone. */
const COMPETING_KEYS = [
  'credential_process',
  'role_arn',
  'source_profile',
  'credential_source',
  'web_identity_token_file',
  'sso_session',
  'sso_start_url',
  'sso_account_id',
  'sso_role_name',
  'login_session',
] as const;

export function planPlaintextRemoval(input: {
  credentialsText: string;
  configText: string;
  /** Profiles as the SDKs merge config and credentials. */
  merged: AwsIniProfiles;
  users: readonly KeychainUser[];
  /** The keychain's copy of a user's secret; undefined when it has none. */
  secretOf: (userId: string) => string | undefined;
}): PlaintextPlan {
  const ready: PlaintextReady[] = [];
  const kept: PlaintextKept[] = [];
  for (const [awsProfile, keys] of readStaticKeys(input.credentialsText)) {
    if (keys.accessKeyId === undefined && keys.secretAccessKey === undefined && keys.sessionToken === undefined) continue;
    const keep = (reason: string) => kept.push({ awsProfile, reason });
    if (keys.sessionToken !== undefined) {
      keep('has aws_session_token: temporary credentials, which expire by themselves; nothing in the keychain serves them');
      continue;
    }
    if (!keys.accessKeyId || !keys.secretAccessKey) {
      keep('has half a key (aws_access_key_id and aws_secret_access_key go together); Roledeck leaves it as it is');
      continue;
    }
    const masked = maskKeyId(keys.accessKeyId);
    const sameKey = input.users.filter((user) => user.accessKeyId === keys.accessKeyId);
    if (sameKey.length === 0) {
      keep(`no Roledeck IAM user has the key ${masked}: import it first (tick Copy keys into the keychain), then remove the plaintext`);
      continue;
    }
    const matching = sameKey.filter((user) => input.secretOf(user.id) === keys.secretAccessKey);
    const user = matching.find((candidate) => candidate.name === awsProfile) ?? matching[0];
    if (!user) {
      keep(
        `the keychain holds a different secret for ${masked} (or none): the file's may be newer. Edit the IAM user in Roledeck, enter the secret again, then remove the plaintext`,
      );
      continue;
    }
    const competing = COMPETING_KEYS.filter((key) => input.merged[awsProfile]?.[key] !== undefined);
    if (competing.length > 0) {
      keep(`also sets ${competing.join(', ')}, which the AWS CLI would use instead of Roledeck's credential_process line; tidy that profile by hand first`);
      continue;
    }
    const inConfig = linesContaining(input.configText, keys.secretAccessKey);
    if (inConfig.length > 0) {
      keep(`its secret also appears in the config file (line ${inConfig.join(', ')}); remove it there first`);
      continue;
    }
    ready.push({ awsProfile, user: { id: user.id, name: user.name }, accessKeyIdMasked: masked, mfa: user.mfaSerial !== undefined });
  }
  return { ready, kept };
}

/**
 * The credentials file without the key lines of `ready` profiles (as the file is now: the caller
 * passes what it read under the lock). A profile whose keys changed since the plan, or whose
 * secret would still appear somewhere in the file (another profile sharing the key that stays,
 * a comment), keeps its lines: removing only some copies would not take the secret off disk.
 */
export function removePlaintextKeys(
  credentialsText: string,
  ready: readonly PlaintextReady[],
  planned: ReadonlyMap<string, { accessKeyId: string; secretAccessKey: string }>,
): { text: string; removed: string[]; kept: PlaintextKept[] } {
  const now = readStaticKeys(credentialsText);
  let text = credentialsText;
  const removed: string[] = [];
  const kept: PlaintextKept[] = [];
  const candidates = ready.filter((entry) => {
    const expected = planned.get(entry.awsProfile);
    const current = now.get(entry.awsProfile);
    const same = expected && current?.accessKeyId === expected.accessKeyId && current.secretAccessKey === expected.secretAccessKey && current.sessionToken === undefined;
    if (!same) kept.push({ awsProfile: entry.awsProfile, reason: 'its keys changed in the file meanwhile; look again and retry' });
    return same;
  });
  for (const entry of candidates) {
    const edited = removeStaticKeys(text, entry.awsProfile);
    text = edited.text;
    removed.push(entry.awsProfile);
  }
  // Profiles whose secret survives elsewhere are put back: the whole edit is redone without them.
  const survivors = removed.filter((name) => linesContaining(text, planned.get(name)?.secretAccessKey ?? '').length > 0);
  if (survivors.length === 0) return { text, removed, kept };
  const retry = removePlaintextKeys(credentialsText, candidates.filter((entry) => !survivors.includes(entry.awsProfile)), planned);
  const shared = survivors.map((awsProfile) => {
    const own = removedLines(credentialsText, removeStaticKeys(credentialsText, awsProfile).text);
    const elsewhere = linesContaining(credentialsText, planned.get(awsProfile)?.secretAccessKey ?? '').filter((line) => !own.has(line));
    return {
      awsProfile,
      reason: `its secret also appears elsewhere in the credentials file (line ${elsewhere.join(', ')}); remove that copy, or import that profile too, then retry`,
    };
  });
  return { text: retry.text, removed: retry.removed, kept: [...kept, ...retry.kept, ...shared] };
}

/** 1-based numbers of the lines of `original` that are not in `edited` (which only removed lines). */
function removedLines(original: string, edited: string): Set<number> {
  const before = original.split('\n');
  const after = edited.split('\n');
  const removed = new Set<number>();
  let at = 0;
  before.forEach((line, index) => {
    if (after[at] === line) at += 1;
    else removed.add(index + 1);
  });
  return removed;
}
