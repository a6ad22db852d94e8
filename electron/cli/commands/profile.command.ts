import { RoledeckError } from '../../../shared/contract/errors';
import { DURATION_NOT_WHOLE } from '../../../shared/domain/aws-rules';
import { AddRoleInputSchema, AddUserInputSchema } from '../../../shared/domain/profile-input';
import type { ProfileView } from '../../../shared/domain/profile-view';
import { fieldMessage } from '../../../shared/domain/rule-message';
import type { CliContext } from '../context';
import { describeInvalid, UsageError } from '../errors';
import { printTable } from '../io/table';
import { readSecret } from '../io/terminal';
import { leafName } from '../usage/command-spec';
import { PROFILE, PROFILE_ADD_ROLE, PROFILE_ADD_USER, PROFILE_IMPORT, PROFILE_LIST, PROFILE_REMOVE, PROFILE_SHOW } from '../usage/commands.catalog';
import { parseCommand } from '../usage/parse-command';
import { importCommand } from './import.command';

const FLAG_OF_FIELD: Record<string, string> = { name: '<name>', secretAccessKey: 'secret access key (stdin)', durationSeconds: '--duration', tags: '--tag' };

/** The flag a person typed for a field of the input schemas (`roleArn` → `--role-arn`, `tags.0.key` → `--tag`). */
function flagFor(field: string): string {
  const head = field.split('.')[0]!;
  return FLAG_OF_FIELD[head] ?? `--${head.replace(/[A-Z]/g, (char) => `-${char.toLowerCase()}`)}`;
}

function optional(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function describeProfile(view: ProfileView): Record<string, string> {
  if (view.kind === 'iam-user') {
    return {
      name: view.name,
      kind: 'IAM user',
      'access key ID': view.accessKeyIdMasked,
      'MFA device': view.mfaSerial ?? '—',
      region: view.region ?? '—',
      label: view.label ?? '—',
    };
  }
  return {
    name: view.name,
    kind: 'role',
    'role ARN': view.roleArn,
    account: view.accountId,
    chain: view.chain.join(' → '),
    'ExternalId': view.externalId ?? '—',
    'MFA device': view.mfaSerial ?? '—',
    'session name': view.sessionName ?? '—',
    duration: view.durationSeconds ? `${view.durationSeconds}s` : 'default',
    region: view.region ?? '—',
    label: view.label ?? '—',
  };
}

export async function profileCommand(context: CliContext, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { io } = context;
  switch (sub) {
    case leafName(PROFILE_LIST): {
      const { values } = parseCommand(PROFILE_LIST, rest);
      const profiles = await (await context.profiles()).list();
      if (values.json) {
        io.stdout(`${JSON.stringify({ profiles }, null, 2)}\n`);
        return 0;
      }
      if (profiles.length === 0) {
        io.stdout('No profiles yet. Add one with `roledeck profile add-user` or `roledeck profile import`.\n');
        return 0;
      }
      printTable(
        io,
        ['NAME', 'KIND', 'ACCOUNT', 'ROLE / KEY', 'FROM', 'LABEL'],
        profiles.map((view) =>
          view.kind === 'iam-user'
            ? [view.name, 'user', '', view.accessKeyIdMasked, view.hasSecret ? '' : 'SECRET MISSING', view.label ?? '']
            : [view.name, 'role', view.accountId, view.roleName, view.sourceName, view.label ?? ''],
        ),
      );
      for (const view of profiles) {
        if (view.kind === 'iam-user' && !view.hasSecret) {
          io.stdout(`${view.name}: its secret access key is not in the OS keychain. Re-enter it: edit the profile in the app, or \`roledeck profile remove ${view.name}\` and add it again.\n`);
        }
      }
      return 0;
    }
    case leafName(PROFILE_SHOW): {
      const { values, positionals } = parseCommand(PROFILE_SHOW, rest);
      const view = await (await context.profiles()).show(positionals[0]!);
      if (values.json) io.stdout(`${JSON.stringify(view, null, 2)}\n`);
      else for (const [key, value] of Object.entries(describeProfile(view))) io.stdout(`${key.padEnd(14)} ${value}\n`);
      return 0;
    }
    case leafName(PROFILE_REMOVE): {
      const name = parseCommand(PROFILE_REMOVE, rest).positionals[0]!;
      await (await context.profiles()).remove(name);
      io.stderr(`Removed "${name}".\n`);
      return 0;
    }
    case leafName(PROFILE_ADD_USER): {
      const { values, positionals } = parseCommand(PROFILE_ADD_USER, rest);
      // The parser has refused a missing --access-key-id.
      const accessKeyId = values['access-key-id']!;
      const draft = {
        name: positionals[0]!,
        accessKeyId,
        mfaSerial: optional(values['mfa-serial']),
        region: optional(values.region),
        label: optional(values.label),
        color: optional(values.color),
      };
      // Check everything typed on the command line before asking for the secret.
      const early = AddUserInputSchema.omit({ secretAccessKey: true }).safeParse(draft);
      if (!early.success) throw new RoledeckError('VALIDATION', describeInvalid(early.error, flagFor));
      const secretAccessKey = await readSecret(io, `Secret access key for ${accessKeyId}: `);
      const parsed = AddUserInputSchema.safeParse({ ...draft, secretAccessKey });
      if (!parsed.success) throw new RoledeckError('VALIDATION', describeInvalid(parsed.error, flagFor));
      const view = await (await context.profiles()).addUser(parsed.data);
      if (values.json) io.stdout(`${JSON.stringify(view, null, 2)}\n`);
      else io.stderr(`Added IAM user "${view.name}"; its secret is in the OS keychain.\n`);
      return 0;
    }
    case leafName(PROFILE_ADD_ROLE): {
      const { values, positionals } = parseCommand(PROFILE_ADD_ROLE, rest);
      const name = positionals[0]!;
      const tags = values.tag?.map((pair) => {
        const at = pair.indexOf('=');
        if (at < 1) throw new UsageError(`--tag takes key=value, got "${pair}"`, PROFILE_ADD_ROLE.name);
        return { key: pair.slice(0, at), value: pair.slice(at + 1) };
      });
      // Strictly whole seconds: Number() would take "1e4" and " 3600" too.
      const duration = optional(values.duration);
      const durationIsWhole = duration === undefined || /^\d+$/.test(duration);
      const parsed = AddRoleInputSchema.safeParse({
        name,
        source: values.source,
        roleArn: optional(values['role-arn']),
        accountId: optional(values['account-id']),
        roleName: optional(values['role-name']),
        partition: optional(values.partition),
        externalId: optional(values['external-id']),
        mfaSerial: optional(values['mfa-serial']),
        sessionName: optional(values['session-name']),
        durationSeconds: duration !== undefined && durationIsWhole ? Number(duration) : undefined,
        region: optional(values.region),
        sourceIdentity: optional(values['source-identity']),
        tags,
        label: optional(values.label),
        color: optional(values.color),
      });
      const problems = [...(durationIsWhole ? [] : [fieldMessage('--duration', DURATION_NOT_WHOLE)]), ...(parsed.success ? [] : [describeInvalid(parsed.error, flagFor)])];
      if (problems.length > 0 || !parsed.success) throw new RoledeckError('VALIDATION', problems.join('\n'));
      const view = await (await context.profiles()).addRole(parsed.data);
      if (values.json) io.stdout(`${JSON.stringify(view, null, 2)}\n`);
      else io.stderr(`Added role "${view.name}" (${view.kind === 'role' ? view.chain.join(' → ') : ''}).\n`);
      return 0;
    }
    case leafName(PROFILE_IMPORT):
      return importCommand(context, rest);
    default:
      throw new UsageError(`${sub ? `profile has no command "${sub}"; it has` : 'profile needs a command:'} ${PROFILE.subcommands.map(leafName).join(', ')}`, PROFILE.name);
  }
}
