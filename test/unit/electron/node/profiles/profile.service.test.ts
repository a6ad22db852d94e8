import { describe, expect, it } from 'vitest';
import { createServices } from '../../../../../electron/node/app/services';
import { RoledeckError } from '../../../../../shared/contract/errors';
import { DocumentStoreAuditLog } from '../../../../../electron/node/audit/document-store.audit-log';
import { mfaSessionItem, roleSessionItem, userSecretItem } from '../../../../../shared/domain/keychain-items';
import type { StoreDocument } from '../../../../../shared/domain/store-document';
import { fakePorts } from '../../../../fakes/ports';
import { SECRET_PRESENCE_TTL_MS } from '../../../../../electron/node/profiles/secret-presence';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const user = { name: 'consultant', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET };

function setup() {
  const fakes = fakePorts();
  const services = createServices(fakes.ports);
  return { ...fakes, profiles: services.profiles, settings: services.settings };
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
    expect(new TextDecoder().decode((await secrets.get(userSecretItem(view.id)))!)).toBe(SECRET);
    expect(JSON.stringify(store.document)).not.toContain(SECRET);
    expect(JSON.stringify(await profiles.list())).not.toContain(SECRET);
  });

  it('says a secret is missing when its keychain item was deleted behind Roledeck’s back', async () => {
    const { profiles, secrets, clock } = setup();
    const view = await profiles.addUser(user);
    await profiles.addRole({ name: 'acme', source: 'consultant', accountId: '123456789012', roleName: 'R' });
    secrets.items.delete(userSecretItem(view.id));
    clock.advance(SECRET_PRESENCE_TTL_MS);
    const listed = await profiles.list();
    expect(listed.find((entry) => entry.name === 'consultant')).toMatchObject({ hasSecret: false });
    expect(await profiles.show('consultant')).toMatchObject({ hasSecret: false });
    await profiles.updateUser({ id: view.id, name: 'consultant', secretAccessKey: SECRET });
    expect((await profiles.list()).find((entry) => entry.name === 'consultant')).toMatchObject({ hasSecret: true });
  });

  it('learns at once that a secret is missing when a session needed it', async () => {
    const { profiles, secrets } = setup();
    const view = await profiles.addUser(user);
    secrets.items.delete(userSecretItem(view.id));
    const stored = (await profiles.get('consultant')).profile;
    if (stored.kind !== 'iam-user') throw new Error('expected an IAM user');
    expect((await failure(profiles.userSecret(stored))).message).toMatch(/Edit the profile and enter it again/);
    expect(await profiles.list()).toMatchObject([{ name: 'consultant', hasSecret: false }]);
  });

  it('does not call a secret missing while the keychain cannot be read', async () => {
    const { profiles, secrets, clock } = setup();
    await profiles.addUser(user);
    secrets.get = () => Promise.reject(new RoledeckError('KEYCHAIN_LOCKED', 'The OS keychain is locked.'));
    clock.advance(SECRET_PRESENCE_TTL_MS);
    expect(await profiles.list()).toMatchObject([{ name: 'consultant', hasSecret: true }]);
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
    const { profiles, settings } = setup();
    await profiles.addUser(user);
    await settings.updateSettings({ roleNameAllowList: ['ExampleRoleName', 'Roledeck-*'] });
    await profiles.addRole({ name: 'ok', source: 'consultant', accountId: '123456789012', roleName: 'Roledeck-Audit' });
    const error = await failure(profiles.addRole({ name: 'admin', source: 'consultant', accountId: '123456789012', roleName: 'Admin' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/Admin/);
    expect(error.message).toMatch(/Allowed role names/);
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
    expect(await secrets.get(userSecretItem(consultant.id))).toBeNull();
    expect(await profiles.list()).toEqual([]);
  });

  it('refuses a removal with dependents before it ends any session', async () => {
    const { profiles, secrets } = setup();
    const consultant = await profiles.addUser(user);
    const acme = await profiles.addRole({ name: 'acme', source: 'consultant', accountId: '123456789012', roleName: 'R' });
    const cached = [mfaSessionItem(consultant.id), roleSessionItem(acme.id)];
    for (const item of cached) await secrets.set(item, new Uint8Array([1]));
    secrets.writes.length = 0;
    expect((await failure(profiles.remove('consultant'))).code).toBe('CONFLICT');
    expect(secrets.writes).toEqual([]);
    expect(cached.every((item) => secrets.items.has(item))).toBe(true);
  });

  it('checks an edit’s name before it writes the keychain: a clash leaves the old secret in place', async () => {
    const { profiles, secrets } = setup();
    const consultant = await profiles.addUser(user);
    await profiles.addUser({ ...user, name: 'other', accessKeyId: 'AKIAIOSFODNN7EXAMPL2' });
    secrets.writes.length = 0;
    const error = await failure(profiles.updateUser({ id: consultant.id, name: 'other', secretAccessKey: 'NEWSECRETnewsecretNEWSECRETnewsecret1234' }));
    expect(error.code).toBe('CONFLICT');
    expect(secrets.writes).toEqual([]);
    expect(new TextDecoder().decode((await secrets.get(userSecretItem(consultant.id)))!)).toBe(SECRET);
  });

  it('checks that the edited user still exists before it writes the keychain', async () => {
    const { profiles, secrets } = setup();
    const consultant = await profiles.addUser(user);
    await profiles.remove('consultant');
    secrets.writes.length = 0;
    const error = await failure(profiles.updateUser({ id: consultant.id, name: 'consultant', secretAccessKey: SECRET }));
    expect(error.code).toBe('NOT_FOUND');
    expect(secrets.writes).toEqual([]);
    expect(secrets.items.has(userSecretItem(consultant.id))).toBe(false);
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
    expect(new TextDecoder().decode((await secrets.get(userSecretItem(view.id)))!)).toBe(SECRET);
    expect((await profiles.show('renamed')).region).toBe('eu-west-1');
  });

  it('keeps the stored access key ID when an edit leaves it out (the window only sees it masked)', async () => {
    const { profiles, store } = setup();
    const view = await profiles.addUser(user);
    await profiles.updateUser({ id: view.id, name: 'consultant', label: 'Me' });
    const stored = store.document.profiles.find((entry) => entry.id === view.id);
    expect(stored).toMatchObject({ accessKeyId: user.accessKeyId, label: 'Me' });
  });

  it('forgets the cached sessions of an edited user and of every role assumed through it, and nothing else', async () => {
    const { profiles, secrets } = setup();
    const consultant = await profiles.addUser(user);
    const other = await profiles.addUser({ ...user, name: 'other', accessKeyId: 'AKIAIOSFODNN7EXAMPL2' });
    const hub = await profiles.addRole({ name: 'hub', source: 'consultant', accountId: '123456789012', roleName: 'Hub' });
    const prod = await profiles.addRole({ name: 'prod', source: 'hub', accountId: '123456789012', roleName: 'Prod' });
    const elsewhere = await profiles.addRole({ name: 'elsewhere', source: 'other', accountId: '123456789012', roleName: 'Else' });
    const cached = [mfaSessionItem(consultant.id), roleSessionItem(hub.id), roleSessionItem(prod.id), mfaSessionItem(other.id), roleSessionItem(elsewhere.id)];
    for (const item of cached) await secrets.set(item, new Uint8Array([1]));

    await profiles.updateUser({ id: consultant.id, name: 'consultant', region: 'eu-west-1' });

    expect(cached.filter((item) => secrets.items.has(item))).toEqual([mfaSessionItem(other.id), roleSessionItem(elsewhere.id)]);
  });

  it('records every change in the history, oldest first', async () => {
    const fakes = fakePorts();
    const services = createServices(fakes.ports);
    const view = await services.profiles.addUser(user);
    const role = await services.profiles.addRole({ name: 'acme', source: 'consultant', accountId: '123456789012', roleName: 'R' });
    await services.profiles.remove('acme');

    const history = await new DocumentStoreAuditLog(fakes.store).list();
    expect(history.map((entry) => [entry.action, entry.profileId, entry.result])).toEqual([
      ['add-user', view.id, 'ok'],
      ['add-role', role.id, 'ok'],
      ['remove', role.id, 'ok'],
    ]);
    expect(JSON.stringify(fakes.store.document.history)).not.toContain(SECRET);
  });

  it('keeps a saved change saved when its history entry cannot be written, and says so in the log', async () => {
    const { profiles, store, lines } = setup();
    const update = store.update.bind(store);
    store.update = <T>(mutate: (doc: StoreDocument) => T | Promise<T>): Promise<T> =>
      update(async (doc) => {
        const before = doc.history.length;
        const result = await mutate(doc);
        if (doc.history.length > before) throw new RoledeckError('CONFLICT', 'the store is busy');
        return result;
      });

    const view = await profiles.addUser(user);

    expect(await profiles.show('consultant')).toMatchObject({ id: view.id });
    expect(lines.join('\n')).toMatch(/could not record an action in the history/);
  });
});
