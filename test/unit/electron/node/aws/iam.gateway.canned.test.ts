/**
 * IAM's policy simulator (SimulatePrincipalPolicy), which moto does not implement, played with
 * canned SDK answers on the real gateway: what "can our user assume this role?" comes back as.
 */
import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SdkIamGateway } from '../../../../../electron/node/aws/iam.gateway';

const credentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret'.padEnd(40, 'x') };
const USER = 'arn:aws:iam::111111111111:user/consultant';
const ROLE = 'arn:aws:iam::222222222222:role/ExampleRoleName';
const iam = mockClient(IAMClient);

describe('SdkIamGateway with canned policy simulations', () => {
  const gateway = new SdkIamGateway();
  beforeEach(() => iam.reset());
  afterEach(() => iam.reset());

  it("AWS's simulator allows sts:AssumeRole on the customer's role through the user's policy", async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves({
      IsTruncated: false,
      EvaluationResults: [
        {
          EvalActionName: 'sts:AssumeRole',
          EvalResourceName: ROLE,
          EvalDecision: 'allowed',
          MatchedStatements: [{ SourcePolicyId: 'roledeck-assume', SourcePolicyType: 'user' }],
          MissingContextValues: [],
        },
      ],
    });

    const results = await gateway.simulatePrincipalPolicy(credentials, 'us-east-1', {
      policySourceArn: USER,
      actionNames: ['sts:AssumeRole'],
      resourceArns: [ROLE],
      contextEntries: [{ key: 'aws:MultiFactorAuthPresent', type: 'boolean', values: ['true'] }],
    });

    expect(iam.commandCalls(SimulatePrincipalPolicyCommand)[0]?.args[0].input).toEqual({
      PolicySourceArn: USER,
      ActionNames: ['sts:AssumeRole'],
      ResourceArns: [ROLE],
      ContextEntries: [{ ContextKeyName: 'aws:MultiFactorAuthPresent', ContextKeyType: 'boolean', ContextKeyValues: ['true'] }],
    });
    expect(results).toEqual([{ action: 'sts:AssumeRole', resource: ROLE, decision: 'allowed', matchedPolicies: ['roledeck-assume'], missingContextKeys: [] }]);
  });

  it("AWS's simulator denies: no policy allows it, it lacks a condition value, and an SCP says no", async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves({
      EvaluationResults: [
        {
          EvalActionName: 'sts:AssumeRole',
          EvalResourceName: ROLE,
          EvalDecision: 'implicitDeny',
          MissingContextValues: ['aws:MultiFactorAuthPresent'],
          OrganizationsDecisionDetail: { AllowedByOrganizations: false },
          PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true },
        },
      ],
    });

    const [result] = await gateway.simulatePrincipalPolicy(credentials, 'us-east-1', { policySourceArn: USER, actionNames: ['sts:AssumeRole'], resourceArns: [ROLE] });

    expect(result).toEqual({
      action: 'sts:AssumeRole',
      resource: ROLE,
      decision: 'implicitDeny',
      matchedPolicies: [],
      missingContextKeys: ['aws:MultiFactorAuthPresent'],
      allowedByOrganizations: false,
      allowedByPermissionsBoundary: true,
    });
  });

  it('AWS pages many simulated roles: every page is read', async () => {
    const result = (resource: string) => ({ EvalActionName: 'sts:AssumeRole', EvalResourceName: resource, EvalDecision: 'explicitDeny' as const });
    iam
      .on(SimulatePrincipalPolicyCommand, { Marker: undefined })
      .resolves({ IsTruncated: true, Marker: 'm2', EvaluationResults: [result('role-a')] })
      .on(SimulatePrincipalPolicyCommand, { Marker: 'm2' })
      .resolves({ IsTruncated: false, EvaluationResults: [result('role-b')] });

    const results = await gateway.simulatePrincipalPolicy(credentials, 'us-east-1', { policySourceArn: USER, actionNames: ['sts:AssumeRole'], resourceArns: ['role-a', 'role-b'] });

    expect(results.map((r) => [r.resource, r.decision])).toEqual([
      ['role-a', 'explicitDeny'],
      ['role-b', 'explicitDeny'],
    ]);
  });
});
