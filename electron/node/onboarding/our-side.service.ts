import { AwsCallError } from '../../../shared/domain/aws-call-error';
import type { OurSideView } from '../../../shared/domain/onboarding-view';
import { ourPolicyFor } from '../../../shared/logic/onboarding/kit-artefacts';
import { ourSideFromResults, ourSideNotChecked, simulationSubject } from '../../../shared/logic/onboarding/our-side-check';
import { callRegion } from '../../../shared/logic/profile-chain';
import { requireProfile } from '../../../shared/logic/profile-lookup';
import type { IamGateway } from '../../../shared/ports/iam-gateway';
import type { OnboardingWorld } from './onboarding-world';

/**
 * Our side of the customer's role: the IAM policy our user needs (sts:AssumeRole on the role name
 * in any account, narrowed to the customer's once known), and whether our policies already allow
 * it — asked of IAM's policy simulator, where our profile may call it and the endpoint has it.
 */
export class OurSideService {
  constructor(
    private readonly world: OnboardingWorld,
    private readonly iam: IamGateway,
  ) {}

  async check(customerRef: string): Promise<OurSideView> {
    const state = await this.world.withSetup(customerRef);
    const kit = this.world.kit(state);
    const policy = ourPolicyFor(kit, state.record.roleArn);
    const resource = state.record.roleArn ?? policy.narrowedTo ?? `arn:${kit.setup.partition}:iam::*:role/${kit.setup.roleName}`;
    const base = { policyJson: policy.json, narrowed: policy.narrowedTo !== undefined };

    const source = requireProfile(state.snapshot.profiles, state.record.sourceProfileId);
    const { identity } = await this.world.identity(source.id, state.snapshot);
    const subject = simulationSubject(identity.arn);
    if (!subject.ok) return { ...base, check: { state: 'unchecked', headline: subject.headline, explanation: subject.explanation, principalArn: identity.arn, resource } };

    const context = { principalArn: subject.arn, resource };
    const credentials = await this.world.ports.sessions.credentials(source.id);
    try {
      const results = await this.iam.simulatePrincipalPolicy(credentials, callRegion(state.snapshot.profiles, source), {
        policySourceArn: subject.arn,
        actionNames: ['sts:AssumeRole'],
        resourceArns: [resource],
        // With MFA required, the call is made from an MFA session: simulate it as such.
        ...(kit.setup.requireMfa ? { contextEntries: [{ key: 'aws:MultiFactorAuthPresent', type: 'boolean' as const, values: ['true'] }] } : {}),
      });
      return { ...base, check: ourSideFromResults(results, context) };
    } catch (error) {
      if (!(error instanceof AwsCallError)) throw error;
      return { ...base, check: ourSideNotChecked({ code: error.awsCode, httpStatus: error.httpStatus, message: error.awsMessage }, context) };
    }
  }
}
