import { describe, expect, it } from 'vitest';
import { createServices } from '../../../../../electron/node/app/services';
import { RoledeckError } from '../../../../../shared/contract/errors';
import { userSecretName } from '../../../../../shared/domain/profile';
import { fakePorts } from '../../../../fakes/ports';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const user = { name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET };

function setup(awsProfiles?: NonNullable<Parameters<typeof fakePorts>[0]>['awsProfiles']) {
  const fakes = fakePorts(awsProfiles ? { awsProfiles } : {});
  return { ...fakes, profiles: createServices(fakes.ports).profiles };
}

async function failure(promise: Promise<unknown>): Promise<RoledeckError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(RoledeckError);
  return error as RoledeckError;
}

describe('ProfileService', () => {
  it('keeps an IAM user secret in the keychain only, and shows the key ID masked', async () => {
    const { profiles, secrets, store } = setup();
    const view = await profiles.addUser(user);
    expect(view).toMatchObject({ kind: 'iam-user', name: 'consultant', accessKeyIdMasked: 'AKIA••••••••••••MPLE', hasSecret: true });
    expect(new TextDecoder().decode((await secrets.get(userSecretName(view.id)))!)).toBe(SECRET);
    expect(JSON.stringify(store.document)).not.toContain(SECRET);
    expect(JSON.stringify(await profiles.list())).not.toContain(SECRET);
  });

  it('refuses a second profile with the same name and leaves no orphan secret', async () => {
    const { profiles, secrets } = setup();
    await profiles.addUser(user);
    const error = await failure(profiles.addUser({ ...user, accessKeyId: 'AKIAIOSFODNN7EXAMPL2' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/already exists/);
    expect(secrets.items.size).toBe(1);
  });

  it('answers an unknown name with the close ones, and a removed profile’s id with what happened to it', async () => {
    const { profiles } = setup();
    const view = await profiles.addUser(user);
    const byName = await failure(profiles.get('consult'));
    expect(byName.code).toBe('NOT_FOUND');
    expect(byName.message).toBe('No profile named "consult". Did you mean "consultant"? Run `roledeck profile list` to see them.');
    await profiles.remove('consultant');
    const byId = await failure(profiles.get(view.id));
    expect(byId.code).toBe('NOT_FOUND');
    expect(byId.message).toMatch(/^That profile no longer exists: it was removed/);
    expect(byId.message).not.toContain(view.id);
  });

  it('builds a role ARN from account and role name, and resolves chains', async () => {
    const { profiles } = setup();
    await profiles.addUser(user);
    const hub = await profiles.addRole({ name: 'acme-hub', source: 'consultant', accountId: '123456789012', roleName: 'Hub', externalId: 'ext-1' });
    const prod = await profiles.addRole({ name: 'acme-prod', source: 'acme-hub', roleArn: 'arn:aws-us-gov:iam::210987654321:role/ops/Prod' });
    expect(hub).toMatchObject({ roleArn: 'arn:aws:iam::123456789012:role/Hub', externalId: 'ext-1', chain: ['consultant', 'acme-hub'] });
    expect(prod).toMatchObject({ partition: 'aws-us-gov', accountId: '210987654321', roleName: 'Prod', chain: ['consultant', 'acme-hub', 'acme-prod'] });
  });

  it('refuses a role whose name is outside the allow-list, saying how to change it', async () => {
    const { profiles } = setup();
    await profiles.addUser(user);
    await profiles.updateSettings({ roleNameAllowList: ['ExampleRoleName', 'Roledeck-*'] });
    await profiles.addRole({ name: 'ok', source: 'consultant', accountId: '123456789012', roleName: 'Roledeck-Audit' });
    const error = await failure(profiles.addRole({ name: 'admin', source: 'consultant', accountId: '123456789012', roleName: 'Admin' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/Admin/);
    expect(error.message).toMatch(/Allowed role names/);
  });

  it('forgets the cached sessions of roles a narrowed allow-list no longer accepts', async () => {
    const { profiles, secrets } = setup();
    await profiles.addUser(user);
    const admin = await profiles.addRole({ name: 'admin', source: 'consultant', accountId: '123456789012', roleName: 'Admin' });
    const deploy = await profiles.addRole({ name: 'deploy', source: 'consultant', accountId: '123456789012', roleName: 'ExampleRoleName' });
    await secrets.set(`session/${admin.id}`, new Uint8Array([1]));
    await secrets.set(`session/${deploy.id}`, new Uint8Array([1]));
    await profiles.updateSettings({ roleNameAllowList: ['ExampleRoleName'] });
    expect(await secrets.get(`session/${admin.id}`)).toBeNull();
    expect(await secrets.get(`session/${deploy.id}`)).not.toBeNull();
  });

  it('refuses a role whose source does not exist', async () => {
    const { profiles } = setup();
    const error = await failure(profiles.addRole({ name: 'acme', source: 'nobody', accountId: '123456789012', roleName: 'R' }));
    expect(error.message).toMatch(/no profile named "nobody"/);
  });

  it('refuses to remove a profile other roles are assumed from, and deletes the secret of a removed user', async () => {
    const { profiles, secrets } = setup();
    const consultant = await profiles.addUser(user);
    await profiles.addRole({ name: 'acme', source: 'consultant', accountId: '123456789012', roleName: 'R' });
    expect((await failure(profiles.remove('consultant'))).message).toMatch(/source of "acme"/);
    await profiles.remove('acme');
    await profiles.remove('consultant');
    expect(await secrets.get(userSecretName(consultant.id))).toBeNull();
    expect(await profiles.list()).toEqual([]);
  });

  it('refuses an edit that would make a role its own source', async () => {
    const { profiles } = setup();
    await profiles.addUser(user);
    const a = await profiles.addRole({ name: 'a', source: 'consultant', accountId: '123456789012', roleName: 'A' });
    await profiles.addRole({ name: 'b', source: 'a', accountId: '123456789012', roleName: 'B' });
    const error = await failure(profiles.updateRole({ id: a.id, name: 'a', source: 'b', accountId: '123456789012', roleName: 'A' }));
    expect(error.message).toMatch(/cannot be its own source/);
  });

  it('keeps the stored secret when a user is edited without a new one', async () => {
    const { profiles, secrets } = setup();
    const view = await profiles.addUser(user);
    await profiles.updateUser({ id: view.id, name: 'renamed', accessKeyId: user.accessKeyId, region: 'eu-west-1' });
    expect(new TextDecoder().decode((await secrets.get(userSecretName(view.id)))!)).toBe(SECRET);
    expect((await profiles.show('renamed')).region).toBe('eu-west-1');
  });

  it('keeps the stored access key ID when an edit leaves it out (the window only sees it masked)', async () => {
    const { profiles, store } = setup();
    const view = await profiles.addUser(user);
    await profiles.updateUser({ id: view.id, name: 'consultant', label: 'Me' });
    const stored = store.document.profiles.find((entry) => entry.id === view.id);
    expect(stored).toMatchObject({ accessKeyId: user.accessKeyId, label: 'Me' });
  });

  it('previews an import without secrets and applies it with keys moved only when asked', async () => {
    const { profiles, secrets } = setup({
      default: { aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE', aws_secret_access_key: SECRET, region: 'eu-west-1' },
      acme: { role_arn: 'arn:aws:iam::123456789012:role/ExampleRoleName', source_profile: 'default', external_id: 'test-id-5678' },
      sso: { sso_session: 'corp', sso_account_id: '123456789012', sso_role_name: 'Admin' },
    });
    const withoutKeys = await profiles.previewImport(false);
    expect(withoutKeys.create).toEqual([]);
    expect(JSON.stringify(withoutKeys)).not.toContain(SECRET);

    const preview = await profiles.previewImport(true);
    expect(preview.create.map((entry) => entry.name)).toEqual(['default', 'acme']);
    expect(preview.skipped.map((entry) => entry.name)).toContain('sso');
    expect(JSON.stringify(preview)).not.toContain(SECRET);

    const result = await profiles.applyImport(true);
    expect(result.created).toEqual(['default', 'acme']);
    const acme = await profiles.show('acme');
    expect(acme).toMatchObject({ kind: 'role', externalId: 'test-id-5678', chain: ['default', 'acme'] });
    expect(secrets.items.size).toBe(1);
  });
});
