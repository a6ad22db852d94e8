import { describe, expect, it } from 'vitest';
import { RoledeckError } from '../../../../../shared/contract/errors';
import { settle } from '../../../../fakes/fake.scheduler';
import { awsError } from '../../../../fakes/scripted.sts-gateway';
import { sessionWorld } from './session-world';

describe('Test access (AccessTester behind SessionService)', () => {
  it('runs the chain and GetCallerIdentity and reports the assumed-role ARN', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    await world.addRole('acme-prod', 'plain', { roleName: 'ExampleRoleName' });

    const result = await world.sessions.testAccess('acme-prod');

    expect(result).toMatchObject({ ok: true, arn: 'arn:aws:sts::222222222222:assumed-role/ExampleRoleName/roledeck-plain', chain: ['plain', 'acme-prod'] });
    expect(world.sts.calls.map((call) => call.operation)).toEqual(['AssumeRole', 'GetCallerIdentity']);
  });

  it('re-assumes a cached role (a cached session proves nothing about today’s trust policy)', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    await world.addRole('acme-prod', 'plain');
    await world.sessions.start('acme-prod');

    await world.sessions.testAccess('acme-prod');

    expect(world.sts.count('AssumeRole')).toBe(2);
  });

  it('explains a refusal with the step that failed and AWS’s own words', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    await world.addRole('hub', 'plain');
    await world.addRole('acme-prod', 'hub', { externalId: 'ext-1111' });
    world.sts.onAssumeRole = (input) =>
      input.roleArn.endsWith('Role-acme-prod') ? awsError('AccessDenied', 'User: arn:aws:sts::222222222222:assumed-role/Role-hub/roledeck-plain is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/Role-acme-prod') : undefined;

    const result = await world.sessions.testAccess('acme-prod');

    expect(result).toMatchObject({ ok: false, failedAt: 'acme-prod', cause: 'external-id', awsCode: 'AccessDenied', chain: ['plain', 'hub', 'acme-prod'] });
    if (!result.ok) expect(result.explanation).toMatch(/check step 2 of the customer setup/);
  });

  it('redacts a secret that a failure’s message carries before the result is shown', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    await world.addRole('acme-prod', 'plain');
    const leaked = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    world.sts.onAssumeRole = () => new RoledeckError('INTERNAL', `the request carried aws_secret_access_key=${leaked} and token ${'F'.repeat(120)}`);

    const result = await world.sessions.testAccess('acme-prod');

    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(leaked);
    expect(JSON.stringify(result)).not.toContain('F'.repeat(120));
    if (!result.ok) expect(result.explanation).toContain('[redacted]');
  });

  it('stops at the allow-list before calling AWS', async () => {
    const world = sessionWorld();
    await world.addUser('plain', null);
    await world.addRole('acme-prod', 'plain');
    await world.services.settings.updateSettings({ roleNameAllowList: ['ExampleRoleName'] });

    const result = await world.sessions.testAccess('acme-prod');

    expect(result).toMatchObject({ ok: false, cause: 'role-not-allowed', failedAt: 'acme-prod' });
    expect(result).not.toHaveProperty('awsCode');
    expect(world.sts.calls).toHaveLength(0);
  });

  it('reports a cancelled MFA prompt as cancelled, not as an AWS failure', async () => {
    const world = sessionWorld();
    await world.addUser();
    await world.addRole('acme-prod', 'consultant');

    const testing = world.sessions.testAccess('acme-prod');
    await settle(10);
    world.prompter.cancel();

    expect(await testing).toMatchObject({ ok: false, cause: 'cancelled', failedAt: 'consultant' });
  });
});
