import type { AwsCredentials } from '../../shared/domain/aws';
import type { IamRole, IamUser, PolicySimulationResult } from '../../shared/domain/iam';
import type { IamGateway, SimulatePrincipalPolicyInput } from '../../shared/ports/iam-gateway';

/** An IamGateway whose policy simulator answers from the test's script, recording what it was asked. */
export class ScriptedIamGateway implements IamGateway {
  readonly simulations: SimulatePrincipalPolicyInput[] = [];
  /** The decision for each simulation, or an error to throw (AccessDenied, moto's 500). */
  onSimulate: (input: SimulatePrincipalPolicyInput) => PolicySimulationResult[] | Error = (input) =>
    (input.resourceArns ?? ['*']).map((resource) => ({ action: 'sts:AssumeRole', resource, decision: 'allowed', matchedPolicies: ['roledeck-assume'], missingContextKeys: [] }));

  async simulatePrincipalPolicy(_credentials: AwsCredentials, _region: string, input: SimulatePrincipalPolicyInput): Promise<PolicySimulationResult[]> {
    this.simulations.push(input);
    const answer = this.onSimulate(input);
    if (answer instanceof Error) throw answer;
    return answer;
  }

  async getUser(): Promise<IamUser | null> {
    return null;
  }

  async getRole(): Promise<IamRole | null> {
    return null;
  }
}
