import { RULE_HINTS } from '../../../shared/domain/aws-rules';
import { json } from './catalog-options';
import type { CommandSpec } from './command-spec';

/** `roledeck onboard …` and `roledeck customers …`, declared apart from commands.catalog.ts. */

const customerArgument = { name: 'customer', description: 'The customer’s name, as `roledeck customers` lists it (case does not matter).' } as const;

export const ONBOARD_COMPLETE = {
  name: 'onboard complete',
  summary: 'Closes the loop: the account ID or role ARN the customer sent back becomes a role profile, and its access is tested.',
  usage: 'roledeck onboard complete <customer> (--account-id <id> | --role-arn <arn>) [--profile-name <name>] [--json]',
  details: [
    'The profile gets the role ARN, the setup’s ExternalId and session duration, and your MFA device when the role requires MFA. The test says in plain words what to fix when AWS refuses; the customer then reads "access verified" in `roledeck customers`.',
  ],
  positionals: [customerArgument],
  options: {
    'account-id': { type: 'string', value: 'id', description: `The customer’s account ID (${RULE_HINTS.accountId}); the console’s 1234-5678-9012 form is fine.` },
    'role-arn': { type: 'string', value: 'arn', description: `The role’s ARN, from the stack’s RoleArn output (${RULE_HINTS.roleArn}).` },
    'profile-name': { type: 'string', value: 'name', description: 'The new profile’s name; by default made from the customer’s name.' },
    json,
  },
  examples: [
    { command: 'roledeck onboard complete "Acme Ltd" --account-id 123456789012', says: 'Creates the profile acme-ltd and prints "access verified", or what failed.' },
    { command: 'roledeck onboard complete acme --role-arn arn:aws:iam::123456789012:role/RoledeckAccess', says: 'The same from the role ARN the customer sent.' },
  ],
} as const satisfies CommandSpec;

export const ONBOARD = {
  name: 'onboard',
  summary: 'Prepares a customer’s cross-account role and writes everything they need into a folder.',
  usage:
    'roledeck onboard <customer> --role-name <name> --out <dir> [--source <profile>] [--mfa] [--principal root|user/NAME] [--purpose audit|deploy|cloudfront|custom [--policy-file <file>]] [--duration <seconds>] [--s3-bucket <bucket> --quick-create]',
  details: [
    'Writes the trust policy (with a fresh ExternalId), the permissions policy, the CloudFormation template with its `aws cloudformation deploy` command, the instructions as Markdown and a printable HTML page, and the IAM policy your own user needs. Running it again for the same customer keeps the ExternalId unless --new-external-id is given.',
    'With --s3-bucket and --quick-create, the template is uploaded to that bucket of yours and a CloudFormation quick-create link is written too, valid for up to 7 days.',
  ],
  positionals: [customerArgument],
  options: {
    'role-name': { type: 'string', value: 'name', required: true, description: `The role the customer creates (${RULE_HINTS.roleName}); it must be on the allowed role names, if any are set.` },
    out: { type: 'string', value: 'dir', required: true, completes: 'directory', description: 'The folder the files are written to (created if needed).' },
    source: { type: 'string', value: 'profile', completes: 'profile', description: 'Your profile that will use the role; by default your only IAM user.' },
    mfa: { type: 'boolean', description: 'The role requires MFA: only sessions started with an MFA code may assume it.' },
    principal: { type: 'string', value: 'root|user/NAME', description: 'Whom the role trusts: your whole account (root), or exactly your IAM user (user/NAME, the default for an IAM user).' },
    purpose: { type: 'string', value: 'purpose', choices: ['audit', 'deploy', 'cloudfront', 'custom'], description: 'What the role may do: read-only audit (the default), CloudFormation test deploys, CloudFront key management, or a policy of your own (--policy-file).' },
    'policy-file': { type: 'string', value: 'file', description: 'The permissions policy JSON for --purpose custom.' },
    duration: { type: 'string', value: 'seconds', description: 'The role’s maximum session duration, 3600–43200 seconds (default 3600).' },
    region: { type: 'string', value: 'region', description: `Where the customer’s stack is created (${RULE_HINTS.region}); default your profile’s region, else us-east-1.` },
    'customer-account-id': { type: 'string', value: 'id', description: 'The customer’s account, when known already: the policies and instructions then name it.' },
    'new-external-id': { type: 'boolean', description: 'Issues a new ExternalId: the customer must set the role up again.' },
    's3-bucket': { type: 'string', value: 'bucket', description: 'Your S3 bucket for the quick-create template (created in the stack’s region if missing).' },
    'quick-create': { type: 'boolean', description: 'Uploads the template to --s3-bucket and writes the console quick-create link.' },
    json,
  },
  examples: [
    { command: 'roledeck onboard "Acme Ltd" --role-name RoledeckAccess --out ./acme', says: 'Read-only audit access, trusting your IAM user; the files land in ./acme.' },
    {
      command: 'roledeck onboard acme --role-name RoledeckDeploy --mfa --purpose deploy --duration 14400 --out ./acme --s3-bucket my-onboarding --quick-create',
      says: 'Test deploys behind MFA, 4-hour sessions, and a one-click link for the customer.',
    },
  ],
  subcommands: [ONBOARD_COMPLETE],
} as const satisfies CommandSpec;

export const CUSTOMERS_VERIFY = {
  name: 'customers verify',
  summary: 'Re-tests access to customers’ roles, three at a time, and says which broke and why.',
  usage: 'roledeck customers verify (--all | <customer>...) [--json]',
  details: ['MFA codes are asked once per device, however many customers share it. Exits with 5 when a role no longer lets you in.'],
  positionals: [{ ...customerArgument, optional: true, variadic: true }],
  options: { all: { type: 'boolean', description: 'Every customer (the default when none is named).' }, json },
  examples: [
    { command: 'roledeck customers verify --all', says: 'One line per customer: access verified, skipped, or what broke.' },
    { command: 'roledeck customers verify acme globex', says: 'Only those two.' },
  ],
} as const satisfies CommandSpec;

export const CUSTOMERS = {
  name: 'customers',
  summary: 'Lists customers with where their onboarding stands and when access last worked.',
  options: { json },
  examples: [{ command: 'roledeck customers', says: 'A table: customer, status (invited, role created, access verified), last verified, role.' }],
  subcommands: [CUSTOMERS_VERIFY],
} as const satisfies CommandSpec;
