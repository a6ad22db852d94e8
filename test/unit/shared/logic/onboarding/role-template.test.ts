import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { permissionsPlan, type PermissionsPlan } from '../../../../../shared/logic/onboarding/permission-purposes';
import { defaultStackName, deployCommand, roleTemplate } from '../../../../../shared/logic/onboarding/role-template';
import { trustPolicyDocument } from '../../../../../shared/logic/onboarding/trust-policy';
import { EXTERNAL_ID, setupInput } from './setup-fixture';

function planFor(setup = setupInput()): PermissionsPlan {
  const result = permissionsPlan(setup.permissions, setup.partition, setup.customerAccountId);
  if (!result.ok) throw new Error('no plan');
  return result.plan;
}

/** The template's trust policy with the parameter filled in, as CloudFormation would resolve it. */
function resolveExternalId(value: unknown, externalId: string): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveExternalId(item, externalId));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]![0] === 'Ref' && entries[0]![1] === 'ExternalId') return externalId;
  return Object.fromEntries(entries.map(([key, item]) => [key, resolveExternalId(item, externalId)]));
}

describe('the role template', () => {
  const testDeploys = setupInput({
    requireMfa: true,
    maxSessionDurationSeconds: 14_400,
    permissions: { purpose: 'cloudformation-test-deploy', stackNamePrefix: 'rd-test-', services: ['s3'], allowStackRoles: false },
  });

  it('YAML parses to exactly the role: name, duration, trust and permissions from the setup', () => {
    const plan = planFor(testDeploys);
    const built = roleTemplate(testDeploys, plan, { externalIdParameter: 'no-echo', format: 'yaml' });
    const parsed = parse(built.body) as { Resources: { CrossAccountRole: { Type: string; Properties: Record<string, unknown> } }; Outputs: unknown };
    expect(parsed).toEqual(built.template);

    const role = parsed.Resources.CrossAccountRole;
    expect(role.Type).toBe('AWS::IAM::Role');
    expect(role.Properties['RoleName']).toBe('RoledeckAccess');
    expect(role.Properties['MaxSessionDuration']).toBe(14_400);
    expect(resolveExternalId(role.Properties['AssumeRolePolicyDocument'], EXTERNAL_ID)).toEqual(trustPolicyDocument(testDeploys));
    expect(role.Properties['Policies']).toEqual([{ PolicyName: 'roledeck-cloudformation-test-deploys', PolicyDocument: plan.inlinePolicy!.document }]);
    expect(role.Properties['ManagedPolicyArns']).toBeUndefined();
    expect(parsed.Outputs).toEqual({ RoleArn: { Description: expect.any(String), Value: { 'Fn::GetAtt': ['CrossAccountRole', 'Arn'] } } });
  });

  it('takes the ExternalId as a NoEcho parameter with AWS’s rule, never as a literal', () => {
    const built = roleTemplate(testDeploys, planFor(testDeploys), { externalIdParameter: 'no-echo', format: 'yaml' });
    expect(built.body).not.toContain(EXTERNAL_ID);
    const parameter = (parse(built.body) as { Parameters: { ExternalId: Record<string, unknown> } }).Parameters.ExternalId;
    expect(parameter).toMatchObject({ Type: 'String', NoEcho: true, MinLength: 32, MaxLength: 1224, AllowedPattern: '[\\w+=,.@:/-]+' });
    expect(new RegExp(`^${String(parameter['AllowedPattern'])}$`).test(EXTERNAL_ID)).toBe(true);
  });

  it('for a quick-create link the ExternalId parameter is visible, since the console ignores NoEcho parameters in links', () => {
    const built = roleTemplate(testDeploys, planFor(testDeploys), { externalIdParameter: 'visible', format: 'yaml' });
    expect((parse(built.body) as { Parameters: { ExternalId: Record<string, unknown> } }).Parameters.ExternalId['NoEcho']).toBeUndefined();
  });

  it('read-only audit attaches the managed policies and has no inline policy', () => {
    const audit = setupInput();
    const built = roleTemplate(audit, planFor(audit), { externalIdParameter: 'no-echo', format: 'json' });
    const properties = (JSON.parse(built.body) as { Resources: { CrossAccountRole: { Properties: Record<string, unknown> } } }).Resources.CrossAccountRole.Properties;
    expect(properties['ManagedPolicyArns']).toEqual(['arn:aws:iam::aws:policy/SecurityAudit', 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess']);
    expect(properties['Policies']).toBeUndefined();
    expect(built.fileName).toBe('roledeck-RoledeckAccess.json');
  });

  it('keeps the role description within IAM’s characters whatever the customer is called', () => {
    const named = setupInput({ customerName: 'Åcme 株式会社 😀' });
    const built = roleTemplate(named, planFor(named), { externalIdParameter: 'no-echo', format: 'yaml' });
    const description = (parse(built.body) as { Resources: { CrossAccountRole: { Properties: { Description: string } } } }).Resources.CrossAccountRole.Properties.Description;
    expect(description).toMatch(/^[\t\n\r\u0020-\u007e\u00a1-\u00ff]*$/);
    expect(description).toContain('Åcme');
  });
});

describe('stack name and deploy command', () => {
  it.each([
    ['RoledeckAccess', 'roledeck-RoledeckAccess'],
    ['Example.Role_Name@acme+1', 'roledeck-Example-Role-Name-acme-1'],
  ])('role %s gets the stack %s', (roleName, stackName) => {
    expect(defaultStackName(roleName)).toBe(stackName);
    expect(defaultStackName(roleName)).toMatch(/^[A-Za-z][A-Za-z0-9-]*$/);
  });

  it('names the capability, the template and the ExternalId', () => {
    expect(deployCommand(setupInput(), 'roledeck-RoledeckAccess.yaml')).toBe(
      'aws cloudformation deploy --region eu-west-1 --stack-name roledeck-RoledeckAccess --template-file roledeck-RoledeckAccess.yaml ' +
        `--capabilities CAPABILITY_NAMED_IAM --parameter-overrides ExternalId=${EXTERNAL_ID}`,
    );
    expect(deployCommand(setupInput({ stackName: 'acme-access' }), 'acme.yaml')).toContain('--stack-name acme-access --template-file acme.yaml');
  });

  it('quotes an ExternalId with a comma, which PowerShell would split', () => {
    expect(deployCommand(setupInput({ externalId: `${EXTERNAL_ID},x` }), 't.yaml')).toContain(`--parameter-overrides 'ExternalId=${EXTERNAL_ID},x'`);
  });
});
