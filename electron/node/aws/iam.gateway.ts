import type * as IamSdk from '@aws-sdk/client-iam';
import type { EvaluationResult, IAMClient } from '@aws-sdk/client-iam';
import type { AwsCredentials } from '../../../shared/domain/aws';
import { isAwsError } from '../../../shared/domain/aws-call-error';
import type { IamRole, IamUser, PolicyDecision, PolicySimulationResult } from '../../../shared/domain/iam';
import type { IamGateway, SimulatePrincipalPolicyInput } from '../../../shared/ports/iam-gateway';
import { AwsClientPool, type AwsClientSettings } from './aws-client-pool';

type Sdk = typeof IamSdk;

const DECISIONS: ReadonlySet<string> = new Set<PolicyDecision>(['allowed', 'explicitDeny', 'implicitDeny']);

function toSimulationResult(result: EvaluationResult): PolicySimulationResult {
  const decision = result.EvalDecision ?? 'implicitDeny';
  const organizations = result.OrganizationsDecisionDetail?.AllowedByOrganizations;
  const boundary = result.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary;
  return {
    action: result.EvalActionName ?? '',
    resource: result.EvalResourceName ?? '*',
    // An outcome AWS adds later is treated as "not allowed": never report access that is not there.
    decision: DECISIONS.has(decision) ? (decision as PolicyDecision) : 'implicitDeny',
    matchedPolicies: [...new Set((result.MatchedStatements ?? []).map((statement) => statement.SourcePolicyId ?? '').filter(Boolean))],
    missingContextKeys: result.MissingContextValues ?? [],
    ...(organizations === undefined ? {} : { allowedByOrganizations: organizations }),
    ...(boundary === undefined ? {} : { allowedByPermissionsBoundary: boundary }),
  };
}

/** IAM returns policy documents URL-encoded (RFC 3986), per the GetRole API reference. */
function decodePolicy(document: string | undefined): string {
  if (!document) return '';
  try {
    return decodeURIComponent(document);
  } catch {
    return document;
  }
}

/** GetUser / GetRole answer an unknown name with NoSuchEntity (HTTP 404). */
const isNoSuchEntity = (error: unknown): boolean => isAwsError(error, 'NoSuchEntity');

/** IamGateway on the AWS SDK v3 (the SDK loads on the first call). */
export class SdkIamGateway implements IamGateway {
  private readonly clients: AwsClientPool<Sdk, IAMClient>;

  constructor(settings: AwsClientSettings = {}) {
    this.clients = new AwsClientPool({ load: () => import('@aws-sdk/client-iam'), create: (sdk, config) => new sdk.IAMClient(config) }, settings);
  }

  simulatePrincipalPolicy(credentials: AwsCredentials, region: string, input: SimulatePrincipalPolicyInput): Promise<PolicySimulationResult[]> {
    return this.clients.call(credentials, region, 'SimulatePrincipalPolicy', async (client, sdk) => {
      const results: PolicySimulationResult[] = [];
      let marker: string | undefined;
      do {
        const out = await client.send(
          new sdk.SimulatePrincipalPolicyCommand({
            PolicySourceArn: input.policySourceArn,
            ActionNames: [...input.actionNames],
            ResourceArns: input.resourceArns ? [...input.resourceArns] : undefined,
            ContextEntries: input.contextEntries?.map((entry) => ({ ContextKeyName: entry.key, ContextKeyType: entry.type, ContextKeyValues: [...entry.values] })),
            Marker: marker,
          }),
        );
        results.push(...(out.EvaluationResults ?? []).map(toSimulationResult));
        marker = out.IsTruncated ? out.Marker : undefined;
      } while (marker);
      return results;
    });
  }

  async getUser(credentials: AwsCredentials, region: string, userName?: string): Promise<IamUser | null> {
    try {
      return await this.clients.call(credentials, region, 'GetUser', async (client, sdk) => {
        const user = (await client.send(new sdk.GetUserCommand(userName === undefined ? {} : { UserName: userName }))).User;
        if (!user) return null;
        return { userName: user.UserName ?? '', userId: user.UserId ?? '', arn: user.Arn ?? '', path: user.Path ?? '/', createdAt: user.CreateDate?.getTime() ?? 0 };
      });
    } catch (error) {
      if (isNoSuchEntity(error)) return null;
      throw error;
    }
  }

  async getRole(credentials: AwsCredentials, region: string, roleName: string): Promise<IamRole | null> {
    try {
      return await this.clients.call(credentials, region, 'GetRole', async (client, sdk) => {
        const role = (await client.send(new sdk.GetRoleCommand({ RoleName: roleName }))).Role;
        if (!role) return null;
        return {
          roleName: role.RoleName ?? '',
          roleId: role.RoleId ?? '',
          arn: role.Arn ?? '',
          path: role.Path ?? '/',
          createdAt: role.CreateDate?.getTime() ?? 0,
          ...(role.Description ? { description: role.Description } : {}),
          maxSessionDurationSeconds: role.MaxSessionDuration ?? 3600,
          trustPolicy: decodePolicy(role.AssumeRolePolicyDocument),
        };
      });
    } catch (error) {
      if (isNoSuchEntity(error)) return null;
      throw error;
    }
  }

  /** Closes the SDK clients this gateway keeps (app shutdown). */
  destroy(): void {
    this.clients.destroy();
  }
}
