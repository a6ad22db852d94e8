import type { AuditLog } from '../../../shared/ports/audit-log';
import { AuditRecorder } from '../audit/audit-recorder';
import { randomBytes } from 'node:crypto';
import type { CustomerDirectory } from '../../../shared/ports/customer-directory';
import type { ProfileDirectory } from '../../../shared/ports/profile-directory';
import type { ProfileEditor } from '../../../shared/ports/profile-editor';
import type { RandomBytes } from '../../../shared/ports/random-bytes';
import type { SessionAccess } from '../../../shared/ports/session-access';
import type { Ports, Shared } from '../app/composition';
import { ClipboardService } from '../clipboard/clipboard.service';
import { OnboardingSetupService } from './onboarding-setup.service';
import { OnboardingVerifyService } from './onboarding-verify.service';
import { OnboardingWorld } from './onboarding-world';
import { OurSideService } from './our-side.service';
import { QuickCreateService } from './quick-create.service';

/** Customer onboarding's services: the setup and its artefacts, the quick-create link, our side, closing the loop. */
export interface OnboardingServices {
  setup: OnboardingSetupService;
  quickCreate: QuickCreateService;
  ourSide: OurSideService;
  verify: OnboardingVerifyService;
}

/**
 * Onboarding, over other features' ports only: customers (CustomerDirectory), profiles
 * (ProfileDirectory, ProfileEditor) and sessions (SessionAccess), so Test access and its single
 * MFA prompt per device are the sessions' own. A CLI process passes no event sink.
 */
export function createOnboarding(
  ports: Pick<Ports, 'store' | 'sts' | 's3' | 'iam' | 'clock' | 'logger'> & Partial<Pick<Ports, 'clipboard' | 'scheduler'>>,
  shared: Pick<Shared, 'events'> | undefined,
  needs: { customers: CustomerDirectory; profiles: ProfileDirectory & ProfileEditor; sessions: SessionAccess; randomBytes?: RandomBytes; audit?: AuditLog },
): OnboardingServices {
  const { clipboard, scheduler, clock, logger } = ports;
  const world = new OnboardingWorld({ store: ports.store, customers: needs.customers, profiles: needs.profiles, sessions: needs.sessions, sts: ports.sts, clock });
  return {
    setup: new OnboardingSetupService(world, needs.randomBytes ?? ((count) => randomBytes(count)), clipboard && scheduler ? new ClipboardService(clipboard, scheduler, clock, logger) : undefined),
    quickCreate: new QuickCreateService(world, ports.s3),
    ourSide: new OurSideService(world, ports.iam),
    verify: new OnboardingVerifyService(world, needs.profiles, shared?.events, needs.audit ? new AuditRecorder({ audit: needs.audit, clock, logger }) : undefined),
  };
}
