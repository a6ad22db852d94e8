import { describe, expect, it } from 'vitest';
import { DocumentStoreAuditLog } from '../../../../../electron/node/audit/document-store.audit-log';
import { awsError } from '../../../../fakes/scripted.sts-gateway';
import { sessionWorld, USER_SECRET } from './session-world';

describe('sessions in the audit log', () => {
  it('records each STS call once — the MFA session and every AssumeRole of a chain — with the identity it gave, not cache hits', async () => {
    const world = sessionWorld();
    await world.addUser();
    await world.addRole('acme-hub', 'consultant');
    const target = await world.services.profiles.addRole({ name: 'acme-prod', source: 'acme-hub', accountId: '222222222222', roleName: 'ExampleRoleName', label: 'Acme' });
    world.prompter.codes = ['123456'];

    await world.sessions.start(target.id);
    await world.sessions.start(target.id);

    const entries = (await new DocumentStoreAuditLog(world.store).list()).filter((entry) => entry.action === 'assume' || entry.action === 'mfa-session');
    expect(entries.map((entry) => [entry.action, entry.profileName, entry.result])).toEqual([
      ['mfa-session', 'consultant', 'ok'],
      ['assume', 'acme-hub', 'ok'],
      ['assume', 'acme-prod', 'ok'],
    ]);
    expect(entries[2]).toMatchObject({ customer: 'Acme', identity: 'arn:aws:sts::222222222222:assumed-role/ExampleRoleName/roledeck-consultant' });
    expect(JSON.stringify(await new DocumentStoreAuditLog(world.store).list())).not.toContain(USER_SECRET);
  });

  it('records a refused AssumeRole as failed, with AWS’s reason', async () => {
    const world = sessionWorld();
    await world.addUser('consultant', null);
    const role = await world.addRole('acme-prod', 'consultant');
    world.sts.failNext(awsError('AccessDenied', 'not authorized to perform: sts:AssumeRole'));

    await expect(world.sessions.start(role.id)).rejects.toThrow();

    const [entry] = (await new DocumentStoreAuditLog(world.store).list()).filter((item) => item.action === 'assume');
    expect(entry).toMatchObject({ profileName: 'acme-prod', result: 'failed', detail: expect.stringContaining('AccessDenied') });
  });
});
