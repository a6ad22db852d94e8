import { RULE_HINTS } from '../../../shared/domain/aws-rules';
import type { CommandSpec } from './command-spec';

/** `roledeck console` and the settings it and MFA processes read, declared apart from commands.catalog.ts. */

/** Where a command asks for an MFA code itself (the app not running): a token's command, or a code. */
export const MFA_OPTIONS = {
  'mfa-process': {
    type: 'string',
    value: 'command',
    description: 'Gets the MFA code from this command’s stdout (e.g. ykman oath accounts code -s AWS), run without a shell, for at most 30 s; overrides the device’s setting.',
  },
  'mfa-code': { type: 'string', value: 'code', description: 'The MFA code (six digits) for scripts; used once.' },
} as const;

export const CONSOLE = {
  name: 'console',
  summary: 'Opens the AWS console in the browser, signed in as a role profile’s session.',
  details: [
    'The role session’s credentials get a sign-in token from the federation endpoint of the role’s partition (signin.aws.amazon.com, signin.amazonaws.cn, signin.amazonaws-us-gov.com, or the one `roledeck settings federation-endpoint` names). The console session lasts the role’s duration (1 h by default, 12 h at most); a role assumed from another role or an MFA session gets what its credentials have left, at most 1 h, as AWS allows.',
    'IAM users cannot sign in this way: AWS accepts only a role’s session. The sign-in is recorded in the history.',
  ],
  positionals: [{ name: 'profile', description: 'A role profile (its name, as `roledeck list` shows it).', completes: 'profile' }],
  options: {
    destination: {
      type: 'string',
      value: 'service|url',
      description: 'Where the console opens: a service name (s3, cloudformation, ec2 …) or a console URL of the role’s partition. Default: the console home.',
    },
    region: { type: 'string', value: 'region', description: `The console’s region (${RULE_HINTS.region}). Default: the profile’s.` },
    print: { type: 'boolean', description: 'Prints the sign-in URL instead of opening it. It signs anyone in for 15 minutes: treat it as a secret.' },
    ...MFA_OPTIONS,
  },
  examples: [
    { command: 'roledeck console acme-prod', says: 'The console home of acme-prod’s account, in the default browser.' },
    { command: 'roledeck console acme-prod --destination cloudformation --region eu-west-1', says: 'CloudFormation in Ireland.' },
    { command: 'roledeck console acme-prod --print', says: 'The sign-in URL, for another browser profile.' },
  ],
} as const satisfies CommandSpec;

export const SETTINGS_FEDERATION_ENDPOINT = {
  name: 'settings federation-endpoint',
  summary: 'Shows or sets the federation endpoint `roledeck console` signs in through.',
  positionals: [{ name: 'url', description: 'An https URL (http only on 127.0.0.1 or localhost). Without it, the setting is printed.', optional: true }],
  options: { reset: { type: 'boolean', description: 'Goes back to each partition’s own endpoint.' } },
  examples: [
    { command: 'roledeck settings federation-endpoint https://signin.example.internal/federation', says: 'A private sign-in endpoint.' },
    { command: 'roledeck settings federation-endpoint --reset', says: 'AWS’s endpoints again.' },
  ],
} as const satisfies CommandSpec;

export const SETTINGS_MFA_PROCESS = {
  name: 'settings mfa-process',
  summary: 'Shows or sets the command that prints an MFA device’s code (aws-vault’s mfa_process).',
  details: ['Roledeck runs it without a shell, with a 30 s limit, whenever that device’s code is needed, before asking anyone; its stderr is shown, its output never logged, and it must print six digits.'],
  positionals: [
    { name: 'device', description: `The MFA device (${RULE_HINTS.mfaSerial}), as in the profile.` },
    { name: 'command', description: 'The command line. Without it, the setting is printed.', optional: true },
  ],
  options: { remove: { type: 'boolean', description: 'Removes the device’s command: its codes are asked for again.' } },
  examples: [
    { command: 'roledeck settings mfa-process arn:aws:iam::111122223333:mfa/jane "ykman oath accounts code -s AWS:jane"', says: 'Codes from the YubiKey.' },
  ],
} as const satisfies CommandSpec;

export const SETTINGS = {
  name: 'settings',
  summary: 'Settings the CLI shares with the app: the console’s federation endpoint, MFA processes.',
  subcommands: [SETTINGS_FEDERATION_ENDPOINT, SETTINGS_MFA_PROCESS],
} as const satisfies CommandSpec;
