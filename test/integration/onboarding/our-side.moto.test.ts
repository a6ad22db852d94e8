import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodePorts } from '../../../electron/node/app/node-ports';
import { createServices } from '../../../electron/node/app/services';
import { StreamLogger } from '../../../electron/node/log/console.logger';
import { createUserWithKey } from '../fixtures/iam';
import { requireKeyringSession } from '../fixtures/keyring';
import { useMoto } from '../fixtures/moto';

describe('our side of onboarding, against moto', () => {
  beforeAll(() => requireKeyringSession());
  useMoto();

  it('says plainly that the policy could not be checked when the IAM endpoint has no policy simulator (moto), and still gives the policy', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'roledeck-our-side-'));
    const services = createServices(
      createNodePorts({ home, logger: new StreamLogger(() => undefined), runtime: { name: 'Roledeck', version: 'test', platform: 'linux', runtime: { kind: 'node', version: process.versions.node } } }),
    );
    const consultant = await createUserWithKey('consultant');
    await services.profiles.addUser({ name: 'consultant', accessKeyId: consultant.credentials.accessKeyId, secretAccessKey: consultant.credentials.secretAccessKey });
    const prepared = await services.onboarding.setup.prepare({
      customerName: 'Acme Ltd',
      sourceProfile: 'consultant',
      roleName: 'RoledeckAccess',
      requireMfa: false,
      principal: 'user',
      maxSessionDurationSeconds: 3600,
      permissions: { purpose: 'read-only-audit' },
      region: 'us-east-1',
    });
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));

    const view = await services.onboarding.ourSide.check(prepared.onboarding.customerId);

    expect(JSON.parse(view.policyJson).Statement).toEqual([{ Sid: 'AssumeCustomerRole', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/RoledeckAccess' }]);
    expect(view.check).toMatchObject({
      state: 'unchecked',
      headline: 'Not checked: the IAM endpoint cannot simulate policies',
      principalArn: consultant.arn,
      explanation: expect.stringContaining('moto'),
    });
    services.refresh.stop();
  });
});
