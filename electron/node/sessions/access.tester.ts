import type { Profile } from '../../../shared/domain/profile';
import type { TestAccessResult } from '../../../shared/domain/session';
import { diagnoseAccess, stepDescription, type AccessStep } from '../../../shared/logic/access-diagnosis';
import { callRegion, chainOf } from '../../../shared/logic/profile-chain';
import { redactText } from '../../../shared/logic/redact';
import type { Clock } from '../../../shared/ports/clock';
import type { Logger } from '../../../shared/ports/logger';
import type { StsGateway } from '../../../shared/ports/sts-gateway';
import type { ChainContext } from './chain-context';
import { attempt, ChainFailure, failureDetails } from './chain-failure';
import type { ChainResolver } from './chain.resolver';
import type { SessionBoard } from './session.board';

/**
 * Test access: runs the chain afresh and GetCallerIdentity. Every role is assumed again (a cached
 * session proves nothing about today's trust policy); the MFA session is reused. A failure comes
 * back explained — the step that failed, the likely cause, AWS's own words — not thrown.
 */
export class AccessTester {
  constructor(
    private readonly deps: {
      resolver: ChainResolver;
      board: SessionBoard;
      sts: StsGateway;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  async test(ctx: ChainContext, profile: Profile): Promise<TestAccessResult> {
    const { board, clock } = this.deps;
    const started = clock.now();
    const chain = chainOf(ctx.profiles, profile).map((entry) => entry.name);
    try {
      const resolved = await this.deps.resolver.resolve(ctx, profile, { interactive: true, force: false, forceRoles: true });
      const step: AccessStep = { profileName: profile.name, operation: 'GetCallerIdentity', source: resolved.kind, signedBy: profile.name };
      const identity = await attempt(step, () => this.deps.sts.getCallerIdentity(resolved.credentials, callRegion(ctx.profiles, profile)));
      board.obtained(profile.id, resolved.kind === 'user-keys');
      // Who the keys belong to is known now: the session shows it, here and in every other process.
      if (resolved.kind === 'user-keys') await board.keysUsed(profile.id, { arn: identity.arn, accountId: identity.account });
      board.changed();
      return { ok: true, arn: identity.arn, account: identity.account, chain, elapsedMs: clock.now() - started };
    } catch (error) {
      board.changed();
      if (!(error instanceof ChainFailure)) throw error;
      const details = failureDetails(error);
      const diagnosis = diagnoseAccess(error.step, details.code, details.message);
      this.deps.logger.info('test access failed', { profileId: profile.id, step: error.step.profileName, code: details.code, cause: diagnosis.cause });
      // The result crosses IPC and is shown as is: AWS's words, and an explanation that may quote
      // them, go out redacted (an error can echo a request value, such as a pasted secret key).
      return {
        ok: false,
        failedAt: error.step.profileName,
        step: stepDescription(error.step),
        cause: diagnosis.cause,
        explanation: redactText(diagnosis.explanation),
        ...(details.fromAws ? { awsCode: redactText(details.code), awsMessage: redactText(details.message) } : {}),
        chain,
        failedStep: error.step,
      };
    }
  }
}
