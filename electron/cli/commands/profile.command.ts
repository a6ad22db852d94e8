import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { RoledeckError } from '../../../shared/contract/errors';
import { AddRoleInputSchema, AddUserInputSchema } from '../../../shared/domain/profile-input';
import type { ProfileView } from '../../../shared/domain/profile-view';
import type { CliContext } from '../context';
import { describeInvalid, UsageError } from '../errors';
import { readSecret } from '../io/terminal';
import { importCommand } from './import.command';
import { printTable } from '../io/table';
import { messageOf } from '../../../shared/logic/error-message';

const kebab = (field: string): string => `--${field.replace(/[A-Z]/g, (char) => `-${char.toLowerCase()}`)}`;
const flagFor = (field: string): string => (field === 'name' ? '<name>' : field === 'secretAccessKey' ? 'secret access key (stdin)' : kebab(field.split('.')[0]!));

const jsonFlag = { json: { type: 'boolean' } } as const;

function parse<O extends ParseArgsOptionsConfig>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...jsonFlag, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(messageOf(error));
  }
}

function onePositional(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`expected exactly one ${what}`);
  return positionals[0]!;
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
    case 'list': {
      const { values } = parse(rest, {});
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
            ? [view.name, 'user', '', view.accessKeyIdMasked, '', view.label ?? '']
            : [view.name, 'role', view.accountId, view.roleName, view.sourceName, view.label ?? ''],
        ),
      );
      return 0;
    }
    case 'show': {
      const { values, positionals } = parse(rest, {});
      const view = await (await context.profiles()).show(onePositional(positionals, 'profile name'));
      if (values.json) io.stdout(`${JSON.stringify(view, null, 2)}\n`);
      else for (const [key, value] of Object.entries(describeProfile(view))) io.stdout(`${key.padEnd(14)} ${value}\n`);
      return 0;
    }
    case 'remove': {
      const { positionals } = parse(rest, {});
      const name = onePositional(positionals, 'profile name');
      await (await context.profiles()).remove(name);
      io.stderr(`Removed "${name}".\n`);
      return 0;
    }
    case 'add-user': {
      const { values, positionals } = parse(rest, {
        'access-key-id': { type: 'string' },
        'mfa-serial': { type: 'string' },
        region: { type: 'string' },
        label: { type: 'string' },
        color: { type: 'string' },
      });
      const name = onePositional(positionals, 'profile name');
      if (!values['access-key-id']) throw new UsageError('--access-key-id is required');
      const draft = {
        name,
        accessKeyId: values['access-key-id'],
        mfaSerial: optional(values['mfa-serial']),
        region: optional(values.region),
        label: optional(values.label),
        color: optional(values.color),
      };
      // Check everything typed on the command line before asking for the secret.
      const early = AddUserInputSchema.omit({ secretAccessKey: true }).safeParse(draft);
      if (!early.success) throw new RoledeckError('VALIDATION', describeInvalid(early.error, flagFor));
      const secretAccessKey = await readSecret(io, `Secret access key for ${values['access-key-id']}: `);
      const parsed = AddUserInputSchema.safeParse({ ...draft, secretAccessKey });
      if (!parsed.success) throw new RoledeckError('VALIDATION', describeInvalid(parsed.error, flagFor));
      const view = await (await context.profiles()).addUser(parsed.data);
      if (values.json) io.stdout(`${JSON.stringify(view, null, 2)}\n`);
      else io.stderr(`Added IAM user "${view.name}"; its secret is in the OS keychain.\n`);
      return 0;
    }
    case 'add-role': {
      const { values, positionals } = parse(rest, {
        source: { type: 'string' },
        'role-arn': { type: 'string' },
        'account-id': { type: 'string' },
        'role-name': { type: 'string' },
        partition: { type: 'string' },
        'external-id': { type: 'string' },
        'mfa-serial': { type: 'string' },
        'session-name': { type: 'string' },
        duration: { type: 'string' },
        region: { type: 'string' },
        'source-identity': { type: 'string' },
        tag: { type: 'string', multiple: true },
        label: { type: 'string' },
        color: { type: 'string' },
      });
      const name = onePositional(positionals, 'profile name');
      if (!values.source) throw new UsageError('--source <profile> is required: the IAM user or role this role is assumed from');
      const tags = (values.tag as string[] | undefined)?.map((pair) => {
        const at = pair.indexOf('=');
        if (at < 1) throw new UsageError(`--tag takes key=value, got "${pair}"`);
        return { key: pair.slice(0, at), value: pair.slice(at + 1) };
      });
      const duration = optional(values.duration);
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
        durationSeconds: duration === undefined ? undefined : Number(duration),
        region: optional(values.region),
        sourceIdentity: optional(values['source-identity']),
        tags,
        label: optional(values.label),
        color: optional(values.color),
      });
      if (!parsed.success) throw new RoledeckError('VALIDATION', describeInvalid(parsed.error, (field) => (field === 'durationSeconds' ? '--duration' : field === 'tags' ? '--tag' : flagFor(field))));
      const view = await (await context.profiles()).addRole(parsed.data);
      if (values.json) io.stdout(`${JSON.stringify(view, null, 2)}\n`);
      else io.stderr(`Added role "${view.name}" (${view.kind === 'role' ? view.chain.join(' → ') : ''}).\n`);
      return 0;
    }
    case 'import':
      return importCommand(context, rest);
    default:
      throw new UsageError(sub ? `unknown profile command "${sub}"` : 'profile needs a command: list, show, add-user, add-role, remove, import');
  }
}
