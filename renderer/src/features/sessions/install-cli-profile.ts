import { ProfileNameSchema } from '../../../../shared/domain/profile';
import type { ResponseOf } from '../../../../shared/contract';
import { formatClockTime, type ClockFormat } from '../../../../shared/logic/time-left';

export type InstallResult = ResponseOf<'sessions.installCliProfile'>;

/** The section header the AWS CLI reads: `[default]` for the default profile, else `[profile name]`. */
export function awsConfigHeader(awsProfile: string): string {
  return awsProfile === 'default' ? '[default]' : `[profile ${awsProfile}]`;
}

function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The rule a name breaks, as the same schema the main side checks it with says it; null if valid. */
export function awsProfileNameError(name: string): string | null {
  const parsed = ProfileNameSchema.safeParse(name);
  if (parsed.success) return null;
  return sentence(parsed.error.issues[0]?.message ?? 'Not a valid profile name');
}

/** The outcome in a sentence: "Added [profile acme-prod].", "… was already up to date; nothing changed." */
export function installChangeText(result: Pick<InstallResult, 'change' | 'awsProfile'>): string {
  const header = awsConfigHeader(result.awsProfile);
  switch (result.change) {
    case 'added':
      return `Added ${header}.`;
    case 'updated':
      return `Updated ${header}.`;
    case 'unchanged':
      return `${header} was already up to date; nothing changed.`;
    case 'removed':
      return `Removed ${header}.`;
    case 'absent':
      return `There is no ${header}.`;
  }
}

/**
 * The main side's CONFLICT message is shared with the CLI and ends by naming its flags
 * ("Pass --force to replace it (a backup is kept), or pick another --aws-profile name."). In the
 * window the same choice is a button and the name field, so that sentence is said in their words;
 * any other message is shown as it came.
 */
export function conflictText(message: string): string {
  const cut = message.search(/\s*Pass --force\b/);
  if (cut < 0) return message;
  return `${message.slice(0, cut).trimEnd()} Replace it (a backup is kept), or choose another AWS profile name.`;
}

/** The line, run once after the install: "The AWS CLI can run it …" or why it cannot. */
export function installCheckText(check: InstallResult['check'], format: ClockFormat = {}): string {
  if (!check.works) return `The AWS CLI cannot run it: ${check.reason}${/[.!?]$/.test(check.reason) ? '' : '.'}`;
  const until = check.expiresAt === undefined ? '' : `; its credentials last until ${formatClockTime(check.expiresAt, format)}`;
  return `The AWS CLI can run it: Roledeck ran the line once, as the AWS CLI does${until}.`;
}
