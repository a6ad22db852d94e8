import type { HandlersFor } from '../ipc/router';
import type { OnboardingServices } from './onboarding.factory';

export type OnboardingChannel =
  | 'onboarding.list'
  | 'onboarding.identity'
  | 'onboarding.prepare'
  | 'onboarding.kit'
  | 'onboarding.copy'
  | 'onboarding.quickCreate'
  | 'onboarding.ourSide'
  | 'onboarding.complete'
  | 'onboarding.verify'
  | 'onboarding.verifyAll';

/** Customer onboarding's channels. None returns a credential; artefacts hold the ExternalId, which is no secret. */
export function createOnboardingHandlers(services: { onboarding: OnboardingServices }): HandlersFor<OnboardingChannel> {
  const { setup, quickCreate, ourSide, verify } = services.onboarding;
  return {
    'onboarding.list': async () => ({ customers: await setup.list() }),
    'onboarding.identity': ({ sourceProfile }) => setup.identity(sourceProfile),
    'onboarding.prepare': (draft) => setup.prepare(draft),
    'onboarding.kit': ({ customerId }) => setup.kit(customerId),
    'onboarding.copy': ({ customerId, artefact }) => setup.copy(customerId, artefact),
    'onboarding.quickCreate': ({ customerId, bucket, expiresInSeconds }) => quickCreate.create(customerId, { bucket, expiresInSeconds }),
    'onboarding.ourSide': ({ customerId }) => ourSide.check(customerId),
    'onboarding.complete': ({ customerId, reply, profileName }) => verify.complete(customerId, reply, { profileName }),
    'onboarding.verify': ({ customerId }) => verify.verify(customerId),
    'onboarding.verifyAll': ({ customerIds }) => verify.verifyAll(customerIds),
  };
}
