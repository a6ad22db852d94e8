// Every `roledeck` command, its arguments, options and examples: the one place they are written.
// The parser, `--help` and the shell completions are derived from this table.
import { RULE_HINTS } from '../../../shared/domain/aws-rules';
import { EXPORT_FORMATS } from '../../../shared/logic/shell-export';
import { json, profileArgument } from './catalog-options';
import { CLOUDFRONT } from './cloudfront.catalog';
import { CONSOLE, MFA_OPTIONS, SETTINGS } from './console.catalog';
import type { CommandSpec } from './command-spec';
import { DEPLOY } from './deploy.catalog';
import { CUSTOMERS, ONBOARD } from './onboard.catalog';

export { DEPLOY, DEPLOY_DELETE, DEPLOY_HISTORY } from './deploy.catalog';
export { CUSTOMERS, CUSTOMERS_VERIFY, ONBOARD, ONBOARD_COMPLETE } from './onboard.catalog';

const awsProfile = {
  type: 'string',
  value: 'name',
  description: 'The profile name in ~/.aws/config, when it should differ from the Roledeck profile’s name.',
} as const;
const label = { type: 'string', value: 'text', description: 'The customer or team the profile belongs to; groups the list in the app.' } as const;
const color = { type: 'string', value: '#rrggbb', description: 'The colour the app shows for this customer everywhere it appears.' } as const;
const region = { type: 'string', value: 'region', description: `The default region of sessions from this profile (${RULE_HINTS.region}).` } as const;
const production = {
  type: 'boolean',
  description: 'Marks a production account: `roledeck deploy` and `deploy delete` there need the account ID typed with --confirm-account.',
} as const;

export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
export type Shell = (typeof SHELLS)[number];

export const LIST = {
  name: 'list',
  summary: 'Every profile with its session’s time left; * marks the active one.',
  details: ['Reads the OS keychain only: it never calls AWS and never asks for an MFA code.'],
  options: { json },
  examples: [
    { command: 'roledeck list', says: 'A table of profiles, their accounts and the time their sessions have left.' },
    { command: 'roledeck list --json | jq -r \'.profiles[].name\'', says: 'Every profile name, for a script.' },
  ],
} as const satisfies CommandSpec;

export const EXPORT = {
  name: 'export',
  summary: 'Prints a profile’s session as text to eval or save.',
  details: ['The session comes from the running app, or from the keychain cache; an MFA code is asked for on the terminal when a new session needs one.'],
  positionals: [profileArgument],
  options: {
    format: {
      type: 'string',
      short: 'f',
      value: 'format',
      choices: EXPORT_FORMATS,
      description: `How to print it: ${EXPORT_FORMATS.join(', ')}. The default follows $SHELL (PowerShell on Windows).`,
    },
    copy: {
      type: 'boolean',
      short: 'c',
      description:
        'Copies it to the clipboard instead of printing it, marked for clipboard managers to skip where the system allows, and clears it after the delay set in the app (Settings → Clipboard) if it is still there.',
    },
  },
  examples: [
    { command: 'eval "$(roledeck export acme-prod)"', says: 'Puts the session into this bash or zsh.' },
    { command: 'roledeck export acme-prod --format powershell --copy', says: 'Copies it for PowerShell, to paste into another terminal.' },
    { command: 'roledeck export acme-prod --format fish | source', says: 'The same in fish.' },
    { command: 'roledeck export acme-prod --format dotenv > .env', says: 'A .env file for docker compose or a dev server.' },
  ],
} as const satisfies CommandSpec;

export const EXEC = {
  name: 'exec',
  summary: 'Runs a command with a profile’s session in its environment.',
  details: [
    'AWS_PROFILE and any AWS keys already set are removed from the command’s environment, so it sees this session only. `roledeck exec` does not run inside another one.',
  ],
  positionals: [profileArgument],
  options: {
    server: {
      type: 'boolean',
      description: 'Gives the command a loopback credentials endpoint instead of keys; it hands out a fresh session before each one expires, for runs longer than a session (Terraform).',
    },
  },
  passThrough: { name: 'command', description: 'The command to run, and its arguments, after --.' },
  examples: [
    { command: 'roledeck exec acme-prod -- aws s3 ls', says: 'Lists the buckets of the account acme-prod is in.' },
    { command: 'roledeck exec acme-prod --server -- terraform apply', says: 'A long Terraform run that outlives one session.' },
  ],
} as const satisfies CommandSpec;

export const CREDENTIAL_PROCESS = {
  name: 'credential-process',
  summary: 'For credential_process in ~/.aws/config: the session as JSON on stdout, diagnostics on stderr.',
  details: ['`roledeck config install` writes the line that runs it. The AWS CLI and SDKs run it on every call, so a cached session is answered from one keychain read.'],
  positionals: [profileArgument],
  options: {
    id: {
      type: 'string',
      value: 'id',
      description: 'The profile’s ID, as `roledeck config install` writes it: it still finds the profile after a rename, and skips reading the profile store.',
    },
  },
  examples: [{ command: 'credential_process = roledeck credential-process acme-prod', says: 'The line in ~/.aws/config, under [profile acme-prod].' }],
} as const satisfies CommandSpec;

const configDetails = 'Only Roledeck’s own section changes; a backup precedes the first edit. AWS_CONFIG_FILE says which file, as it does for the AWS CLI.';

export const CONFIG_INSTALL = {
  name: 'config install',
  summary: 'Writes a credential_process profile for a Roledeck profile into ~/.aws/config.',
  details: [configDetails],
  positionals: [profileArgument],
  options: {
    'aws-profile': awsProfile,
    force: { type: 'boolean', description: 'Replaces a section of that name you wrote by hand.' },
    json,
  },
  examples: [
    { command: 'roledeck config install acme-prod', says: 'Then `aws --profile acme-prod …` and every SDK use the Roledeck session.' },
    { command: 'roledeck config install acme-prod --aws-profile default', says: 'Makes it the default profile.' },
  ],
} as const satisfies CommandSpec;

export const CONFIG_REMOVE = {
  name: 'config remove',
  summary: 'Removes the profile `roledeck config install` wrote from ~/.aws/config.',
  details: [configDetails],
  positionals: [profileArgument],
  options: { 'aws-profile': awsProfile, json },
  examples: [{ command: 'roledeck config remove acme-prod', says: 'Removes [profile acme-prod]; sections you wrote stay.' }],
} as const satisfies CommandSpec;

export const CONFIG_STATUS = {
  name: 'config status',
  summary: 'Says whether ~/.aws/config has Roledeck’s profile of that name, a hand-written one, or none, and whether its credential_process line works.',
  details: [
    'The line is run once as the AWS CLI runs it (no shell, a time limit) and its answer is checked: JSON with Version 1 and the keys. The credentials themselves are never printed. Exits 1 when the line does not work.',
  ],
  positionals: [profileArgument],
  options: { 'aws-profile': awsProfile, json },
  examples: [{ command: 'roledeck config status acme-prod', says: 'Prints whose [profile acme-prod] it is, and whether the AWS CLI can run it (and if not, why).' }],
} as const satisfies CommandSpec;

export const CONFIG = {
  name: 'config',
  summary: 'Puts Roledeck profiles into ~/.aws/config as credential_process profiles.',
  subcommands: [CONFIG_INSTALL, CONFIG_REMOVE, CONFIG_STATUS],
} as const satisfies CommandSpec;

const profileName = { name: 'name', description: 'The new profile’s name: how you and scripts refer to it.' } as const;

export const PROFILE_LIST = {
  name: 'profile list',
  summary: 'Every profile: IAM users with their masked key, roles with their account and source.',
  options: { json },
  examples: [{ command: 'roledeck profile list', says: 'A table of every profile.' }],
} as const satisfies CommandSpec;

export const PROFILE_SHOW = {
  name: 'profile show',
  summary: 'One profile’s settings: ARN, account, chain, ExternalId, MFA device, duration, region.',
  positionals: [profileArgument],
  options: { json },
  examples: [{ command: 'roledeck profile show acme-prod', says: 'Everything stored for acme-prod, secrets left out.' }],
} as const satisfies CommandSpec;

export const PROFILE_ADD_USER = {
  name: 'profile add-user',
  summary: 'Adds an IAM user with its access key; the secret goes into the OS keychain.',
  details: ['The secret access key is read from stdin (a hidden prompt on a terminal), never from the command line, where the shell history and `ps` would keep it.'],
  positionals: [profileName],
  options: {
    'access-key-id': { type: 'string', value: 'id', required: true, description: 'The IAM user’s access key ID (AKIA…).' },
    'mfa-serial': { type: 'string', value: 'arn', description: `The user’s MFA device (${RULE_HINTS.mfaSerial}). Sessions then ask for a code once and last up to 36 hours.` },
    region,
    label,
    color,
    production,
    json,
  },
  examples: [
    { command: 'roledeck profile add-user consultant --access-key-id AKIAIOSFODNN7EXAMPLE --mfa-serial arn:aws:iam::111122223333:mfa/jane', says: 'Asks for the secret access key, hidden.' },
    { command: 'pass show aws/consultant | roledeck profile add-user consultant --access-key-id AKIAIOSFODNN7EXAMPLE', says: 'Reads the secret from a password manager.' },
  ],
} as const satisfies CommandSpec;

export const PROFILE_ADD_ROLE = {
  name: 'profile add-role',
  summary: 'Adds a customer’s role, assumed with the credentials of another profile.',
  usage: 'roledeck profile add-role <name> --source <profile> (--role-arn <arn> | --account-id <id> --role-name <name>) [options]',
  positionals: [profileName],
  options: {
    source: { type: 'string', value: 'profile', required: true, completes: 'profile', description: 'The profile whose credentials assume the role: an IAM user, or a role for a chain.' },
    'role-arn': { type: 'string', value: 'arn', description: `The role’s ARN (${RULE_HINTS.roleArn}); or give --account-id and --role-name.` },
    'account-id': { type: 'string', value: 'id', description: `The customer’s account ID (${RULE_HINTS.accountId}).` },
    'role-name': { type: 'string', value: 'name', description: `The role’s name (${RULE_HINTS.roleName}).` },
    partition: { type: 'string', value: 'partition', choices: ['aws', 'aws-cn', 'aws-us-gov'], description: 'The partition with --account-id: aws (the default), aws-cn or aws-us-gov.' },
    'external-id': { type: 'string', value: 'id', description: `The ExternalId the role’s trust policy requires (${RULE_HINTS.externalId}).` },
    'mfa-serial': { type: 'string', value: 'arn', description: `The MFA device, if the role itself requires one (${RULE_HINTS.mfaSerial}).` },
    'session-name': { type: 'string', value: 'name', description: `The session name the customer sees in CloudTrail (${RULE_HINTS.sessionName}).` },
    duration: { type: 'string', value: 'seconds', description: `How long a session lasts (${RULE_HINTS.roleDuration}).` },
    region,
    'source-identity': { type: 'string', value: 'id', description: `The SourceIdentity AWS records and keeps across role chains (${RULE_HINTS.sourceIdentity}).` },
    tag: { type: 'string', value: 'key=value', multiple: true, description: `A session tag (${RULE_HINTS.tag}).` },
    label,
    color,
    production,
    json,
  },
  examples: [
    { command: 'roledeck profile add-role acme-prod --source consultant --account-id 123456789012 --role-name ExampleRoleName --external-id test-id-5678', says: 'The role a customer created for you, with the ExternalId from its trust policy.' },
    { command: 'roledeck profile add-role acme-admin --source acme-prod --role-arn arn:aws:iam::123456789012:role/Admin', says: 'A role assumed from another role (a chain).' },
  ],
} as const satisfies CommandSpec;

export const PROFILE_REMOVE = {
  name: 'profile remove',
  summary: 'Removes a profile, its keychain secret and its cached sessions.',
  positionals: [profileArgument],
  examples: [{ command: 'roledeck profile remove acme-old', says: 'Gone from the app and the CLI alike.' }],
} as const satisfies CommandSpec;

export const PROFILE_IMPORT = {
  name: 'profile import',
  summary: 'Imports the profiles in ~/.aws/config and ~/.aws/credentials; changes those files only with --remove-plaintext.',
  details: [
    'AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE say which files, as they do for the AWS CLI. Profiles Roledeck cannot serve (SSO, other credential_process lines) are listed with the reason and left alone.',
    'The import copies keys: ~/.aws/credentials keeps its plaintext copy. --remove-plaintext then takes the key lines out of it for every profile whose key the keychain holds, after adding a credential_process line for the same profile name to ~/.aws/config, so the AWS CLI and SDKs keep working with the same identity (an IAM user with an MFA device is asked for one code, then served a cached MFA session). Both files are backed up first; the credentials backup leaves the secrets out. It lists the profiles and files and asks on a terminal; elsewhere it needs --yes.',
  ],
  options: {
    'dry-run': { type: 'boolean', description: 'Shows what would be imported (and, with --remove-plaintext, which keys would leave the file) and changes nothing.' },
    'move-keys': { type: 'boolean', description: 'Also imports IAM users with static keys: their secrets are copied into the OS keychain. The credentials file keeps its copy.' },
    'remove-plaintext': {
      type: 'boolean',
      description: 'Then removes the static keys from ~/.aws/credentials where the keychain holds the same key, and adds credential_process lines to ~/.aws/config.',
    },
    yes: { type: 'boolean', short: 'y', description: 'Removes the plaintext keys without asking.' },
    json,
  },
  examples: [
    { command: 'roledeck profile import --dry-run', says: 'The plan, without changing anything.' },
    { command: 'roledeck profile import --move-keys', says: 'Imports roles and IAM users, keys copied into the keychain.' },
    { command: 'roledeck profile import --move-keys --remove-plaintext', says: 'Imports, then takes the plaintext keys off disk (asks first).' },
  ],
} as const satisfies CommandSpec;

export const PROFILE = {
  name: 'profile',
  summary: 'Adds, shows, removes and imports profiles.',
  subcommands: [PROFILE_LIST, PROFILE_SHOW, PROFILE_ADD_USER, PROFILE_ADD_ROLE, PROFILE_REMOVE, PROFILE_IMPORT],
} as const satisfies CommandSpec;

export const WHOAMI = {
  name: 'whoami',
  summary: 'Tests access: runs the profile’s chain and GetCallerIdentity, and prints the identity ARN.',
  details: [
    'When a step fails it explains what failed (trust policy, ExternalId, MFA). It asks for an MFA code on the terminal when one is needed; the session it gets is cached in the OS keychain for the app and the CLI.',
  ],
  positionals: [profileArgument],
  options: { json, ...MFA_OPTIONS },
  examples: [
    { command: 'roledeck whoami acme-prod', says: 'Prints arn:aws:sts::123456789012:assumed-role/…, or what went wrong.' },
  ],
} as const satisfies CommandSpec;

export const SESSIONS = {
  name: 'sessions',
  summary: 'Lists the sessions cached in the OS keychain, with their state and time left.',
  options: { json },
  examples: [{ command: 'roledeck sessions', says: 'Which sessions are live, and until when.' }],
} as const satisfies CommandSpec;

export const STORE_STATUS = {
  name: 'store status',
  summary: 'Where the encrypted profile store is, and whether it can be read.',
  options: { json },
  examples: [{ command: 'roledeck store status', says: 'Readable, and how many profiles; or why not.' }],
} as const satisfies CommandSpec;

export const STORE_RESET = {
  name: 'store reset',
  summary: 'Start over: moves the profile store aside (renamed, never deleted) and starts an empty one.',
  details: [
    'For a store that can no longer be read, e.g. after its key was lost from the keychain. Profiles, settings and history stay in the old file; keychain secrets and ~/.aws stay as they are.',
    'It asks on a terminal; elsewhere it needs --yes.',
  ],
  options: { yes: { type: 'boolean', short: 'y', description: 'Starts over without asking.' } },
  examples: [
    { command: 'roledeck store reset', says: 'Says what is lost, asks, then starts over.' },
    { command: 'roledeck store reset --yes && roledeck profile import', says: 'Starts over and brings profiles back from ~/.aws.' },
  ],
} as const satisfies CommandSpec;

export const STORE = {
  name: 'store',
  summary: 'The encrypted profile store: its state, and starting over.',
  subcommands: [STORE_STATUS, STORE_RESET],
} as const satisfies CommandSpec;

export const AUDIT = {
  name: 'audit',
  summary: 'Shows what Roledeck did, and checks that nobody changed the record.',
  details: [
    'Every assume, export, copy, credential_process answer, deploy, signature, key and profile change is one line in a hash-chained log in the app’s data folder; no secret is ever in it.',
    '--verify checks the chain across every kept file and names each line that was changed, removed, reordered or cut off. Exit codes: 0 intact, 8 broken.',
  ],
  options: {
    action: { type: 'string', value: 'action', description: 'Only this action (assume, export, credential-process, deploy-create, …).' },
    profile: { type: 'string', value: 'name', description: 'Only this profile (its name or id).', completes: 'profile' },
    customer: { type: 'string', value: 'name', description: 'Only this customer.' },
    since: { type: 'string', value: 'span', description: 'Only entries since then: 30m, 2h, 7d, or a date (2026-01-31).' },
    json: { type: 'boolean', description: 'Prints JSON Lines, one entry a line.' },
    csv: { type: 'boolean', description: 'Prints CSV with a header row (quoted for spreadsheets).' },
    verify: { type: 'boolean', description: 'Checks the hash chain instead of listing; exits 8 when it is broken.' },
  },
  examples: [
    { command: 'roledeck audit --since 2h', says: 'What happened in the last two hours, oldest first.' },
    { command: 'roledeck audit --profile acme-prod --csv > acme.csv', says: 'One profile’s record, for a spreadsheet.' },
    { command: 'roledeck audit --verify', says: '"Chain verified: 1,234 entries", or which line broke.' },
  ],
} as const satisfies CommandSpec;

export const COMPLETION = {
  name: 'completion',
  summary: 'Prints a shell script that completes roledeck’s commands, options and profile names.',
  positionals: [{ name: 'shell', description: `The shell: ${SHELLS.join(', ')}.`, choices: SHELLS }],
  examples: [
    { command: 'eval "$(roledeck completion bash)"', says: 'In ~/.bashrc (zsh: the same with zsh, after compinit).' },
    { command: 'roledeck completion fish | source', says: 'In ~/.config/fish/config.fish.' },
    { command: 'roledeck completion powershell | Out-String | Invoke-Expression', says: 'In your PowerShell $PROFILE.' },
  ],
} as const satisfies CommandSpec;

export const COMPLETE_PROFILES = {
  name: '__complete-profiles',
  summary: 'Prints the profile names, one a line, for the shell completions.',
  hidden: true,
} as const satisfies CommandSpec;

export const CLEAR_CLIPBOARD = {
  name: '__clear-clipboard',
  summary: 'Waits, then clears the clipboard if it still holds the copy with this SHA-256; `export --copy` starts it detached.',
  positionals: [
    { name: 'sha256', description: 'The SHA-256 (hex) of what was copied; the copy itself is never passed.' },
    { name: 'seconds', description: 'How long to wait first.' },
  ],
  hidden: true,
} as const satisfies CommandSpec;

/** `help` is answered by the dispatcher itself; it is here so help, parsing and completion know it. */
export const HELP = {
  name: 'help',
  summary: 'Shows the usage of a command.',
  positionals: [
    { name: 'command', description: 'The command, e.g. export.', optional: true },
    { name: 'subcommand', description: 'Its subcommand, e.g. add-role for profile.', optional: true },
  ],
  examples: [
    { command: 'roledeck help profile add-role', says: 'The same as roledeck profile add-role --help.' },
  ],
} as const satisfies CommandSpec;

export const COMMANDS = [LIST, EXPORT, EXEC, CREDENTIAL_PROCESS, CONFIG, PROFILE, WHOAMI, CONSOLE, SESSIONS, SETTINGS, DEPLOY, ONBOARD, CUSTOMERS, STORE, CLOUDFRONT, AUDIT, COMPLETION, HELP, COMPLETE_PROFILES, CLEAR_CLIPBOARD] as const satisfies readonly CommandSpec[];

/** The top-level command names, each of which the dispatcher must handle. */
export type CommandName = (typeof COMMANDS)[number]['name'];

/** `roledeck [--home <dir>] <command>`: options before the command. */
export const GLOBAL_OPTIONS = {
  home: { type: 'string', value: 'dir', completes: 'directory', description: 'Where the encrypted profile store lives, instead of ROLEDECK_HOME or the app’s data folder.' },
  version: { type: 'boolean', short: 'v', description: 'Prints the version and exits.' },
  help: { type: 'boolean', short: 'h', description: 'Shows this overview and exits.' },
} as const;
