import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RoledeckError } from '../../../shared/contract/errors';
import { DURATION_NOT_WHOLE } from '../../../shared/domain/aws-rules';
import type { PermissionPurpose, SetupIssue } from '../../../shared/domain/onboarding';
import type { OnboardingDraft, VerifyOutcome } from '../../../shared/domain/onboarding-view';
import { fieldMessage } from '../../../shared/domain/rule-message';
import { findCustomer, STATUS_WORDS } from '../../../shared/logic/onboarding/customer-onboarding';
import { profileRegion } from '../../../shared/logic/profile-chain';
import { findProfile } from '../../../shared/logic/profile-lookup';
import type { CliContext } from '../context';
import { EXIT, UsageError } from '../errors';
import { leafName } from '../usage/command-spec';
import { ONBOARD, ONBOARD_COMPLETE } from '../usage/commands.catalog';
import { parseCommand } from '../usage/parse-command';

const PURPOSES: Record<string, PermissionPurpose> = {
  audit: 'read-only-audit',
  deploy: 'cloudformation-test-deploy',
  cloudfront: 'cloudfront-key-management',
  custom: 'custom',
};

/** The flag a person typed for a field of the setup (`maxSessionDurationSeconds` → `--duration`). */
const FLAG_OF_FIELD: Record<string, string> = {
  customerName: '<customer>',
  sourceProfile: '--source',
  roleName: '--role-name',
  principal: '--principal',
  maxSessionDurationSeconds: '--duration',
  region: '--region',
  customerAccountId: '--customer-account-id',
  stackName: '--role-name',
  externalId: 'ExternalId',
  partition: '--source',
};

function flagOf(issue: SetupIssue): string {
  if (issue.path.startsWith('permissions')) return '--policy-file';
  return FLAG_OF_FIELD[issue.path.split('.')[0]!] ?? issue.path;
}

/** "--principal root|user/NAME": whom the role trusts, checked against who --source really is. */
function principalOf(value: string | undefined): { principal: 'account' | 'user' | undefined; userName?: string } {
  if (value === undefined) return { principal: undefined };
  if (value === 'root') return { principal: 'account' };
  const user = /^user\/(.+)$/.exec(value);
  if (user) return { principal: 'user', userName: user[1]! };
  throw new UsageError(`--principal takes root or user/NAME, got “${value}”`, ONBOARD.name);
}

function durationOf(value: string | undefined): number {
  if (value === undefined) return 3600;
  if (!/^\d+$/.test(value)) throw new RoledeckError('VALIDATION', fieldMessage('--duration', DURATION_NOT_WHOLE));
  return Number(value);
}

async function setup(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(ONBOARD, args);
  const { io } = context;
  const customerName = positionals[0]!;
  if (values['quick-create'] && !values['s3-bucket']) throw new UsageError('--quick-create needs --s3-bucket <bucket>: the template is uploaded there', ONBOARD.name);
  const purpose = PURPOSES[values.purpose ?? 'audit']!;
  if (purpose === 'custom' && !values['policy-file']) throw new UsageError('--purpose custom needs --policy-file <file> with the permissions policy JSON', ONBOARD.name);
  if (values['policy-file'] && purpose !== 'custom') throw new UsageError('--policy-file goes with --purpose custom', ONBOARD.name);
  const policyJson = values['policy-file'] ? await readFile(values['policy-file'], 'utf8') : undefined;
  const principal = principalOf(values.principal);

  const [onboarding, profiles, customers] = await Promise.all([context.onboarding(), context.profiles(), context.customers()]);
  const snapshot = await profiles.read();
  const users = snapshot.profiles.filter((profile) => profile.kind === 'iam-user');
  const source = values.source ? findProfile(snapshot.profiles, values.source) : users.length === 1 ? users[0] : undefined;
  if (!source) {
    throw new RoledeckError(
      'VALIDATION',
      values.source
        ? `--source: there is no profile named "${values.source}". Run \`roledeck profile list\` to see them.`
        : `--source: say which of your profiles will use the role${users.length ? ` (${users.map((user) => user.name).join(', ')})` : '; add your IAM user first with `roledeck profile add-user`'}.`,
    );
  }
  if (principal.userName !== undefined) {
    const identity = await onboarding.setup.identity(source.id);
    if (identity.userName !== principal.userName) {
      throw new RoledeckError('VALIDATION', fieldMessage('--principal', `${source.name} signs in as ${identity.arn}, not as user/${principal.userName}; the role must trust the user that uses it`));
    }
  }
  const existing = findCustomer(await customers.list(), customerName);
  const draft: OnboardingDraft = {
    ...(existing ? { customerId: existing.id } : {}),
    customerName,
    sourceProfile: source.id,
    roleName: values['role-name']!,
    requireMfa: values.mfa ?? false,
    principal: principal.principal ?? (source.kind === 'iam-user' ? 'user' : 'account'),
    maxSessionDurationSeconds: durationOf(values.duration),
    permissions: { purpose, ...(policyJson !== undefined ? { policyJson } : {}) },
    region: values.region ?? profileRegion(snapshot.profiles, source) ?? 'us-east-1',
    ...(values['customer-account-id'] ? { customerAccountId: values['customer-account-id'] } : {}),
    ...(values['new-external-id'] ? { newExternalId: true } : {}),
  };
  const prepared = await onboarding.setup.prepare(draft);
  if (!prepared.ok) throw new RoledeckError('VALIDATION', prepared.issues.map((issue) => fieldMessage(flagOf(issue), issue.message)).join('\n'));
  const customerId = prepared.onboarding.customerId;
  const quickCreate = values['quick-create'] ? await onboarding.quickCreate.create(customerId, { bucket: values['s3-bucket']! }) : undefined;

  const { artefacts, notes } = await onboarding.setup.kit(customerId);
  const out = path.resolve(values.out!);
  await mkdir(out, { recursive: true });
  const files: string[] = [];
  for (const artefact of artefacts) {
    const file = path.join(out, artefact.fileName);
    await writeFile(file, artefact.content, 'utf8');
    files.push(file);
  }

  if (values.json) {
    io.stdout(`${JSON.stringify({ onboarding: prepared.onboarding, reissued: prepared.reissued, files, ...(quickCreate ? { quickCreate } : {}) }, null, 2)}\n`);
    return EXIT.ok;
  }
  const view = prepared.onboarding;
  io.stderr(`${view.customerName}: ${STATUS_WORDS[view.status]}${prepared.reissued ? ' (a new ExternalId: the customer must set the role up again)' : ''}.\n`);
  io.stderr(`  role ${view.setup?.roleName} · ExternalId ${view.setup?.externalId}\n`);
  for (const artefact of artefacts) io.stdout(`${path.join(out, artefact.fileName)}\n`);
  for (const note of notes) io.stderr(`  Note: ${note}\n`);
  if (quickCreate) {
    io.stderr(`Quick-create link: ${quickCreate.url}\n  ${quickCreate.validity}\n`);
    if (quickCreate.warning) io.stderr(`  Warning: ${quickCreate.warning}\n`);
  }
  io.stderr(`Send the customer the files above. When they send back their account ID or role ARN:\n  roledeck onboard complete "${view.customerName}" --account-id <id>\n`);
  return EXIT.ok;
}

/** One customer's test result as a line: what a person scanning a list needs. */
export function outcomeLine(outcome: VerifyOutcome): string {
  switch (outcome.state) {
    case 'verified':
      return `✓ ${outcome.customerName}: access verified${outcome.profileName ? ` (${outcome.profileName})` : ''}`;
    case 'skipped':
      return `– ${outcome.customerName}: ${outcome.reason ?? 'not tested'}`;
    case 'failed':
      return `✗ ${outcome.customerName}: ${outcome.failure?.headline ?? 'access failed'}${outcome.profileName ? ` (${outcome.profileName})` : ''}\n    ${outcome.failure?.explanation ?? ''}`;
  }
}

async function complete(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(ONBOARD_COMPLETE, args);
  const { io } = context;
  const accountId = values['account-id'];
  const roleArn = values['role-arn'];
  if ((accountId === undefined) === (roleArn === undefined)) throw new UsageError('Give the customer’s --account-id or their --role-arn (one of them)', ONBOARD_COMPLETE.name);
  const onboarding = await context.onboarding();
  const result = await onboarding.verify.complete(positionals[0]!, accountId ?? roleArn!, { profileName: values['profile-name'] });
  if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else {
    for (const warning of result.warnings) io.stderr(`Warning: ${warning}\n`);
    for (const note of result.notes) io.stderr(`Note: ${note}\n`);
    io.stderr(`${result.profileCreated ? 'Created' : 'Updated'} the profile "${result.profileName}" for ${result.onboarding.roleArn}.\n`);
    io.stdout(`${outcomeLine(result.outcome)}\n`);
    if (result.outcome.test && !result.outcome.test.ok && result.outcome.test.awsCode) io.stderr(`  AWS said: ${result.outcome.test.awsCode}: ${result.outcome.test.awsMessage ?? ''}\n`);
  }
  return result.outcome.state === 'verified' ? EXIT.ok : EXIT.aws;
}

/**
 * `roledeck onboard <customer> …` prepares a customer's setup and writes its files;
 * `roledeck onboard complete <customer> …` closes the loop once the customer has created the role.
 */
export async function onboardCommand(context: CliContext, args: string[]): Promise<number> {
  if (args[0] === leafName(ONBOARD_COMPLETE)) return complete(context, args.slice(1));
  return setup(context, args);
}
