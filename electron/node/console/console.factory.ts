import type { FederationGateway } from '../../../shared/ports/federation-gateway';
import type { ProfileDirectory } from '../../../shared/ports/profile-directory';
import type { SessionAccess } from '../../../shared/ports/session-access';
import type { UrlOpener } from '../../../shared/ports/url-opener';
import type { Ports, Shared } from '../app/composition';
import { ConsoleSigninService } from './console-signin.service';
import { HttpFederationGateway } from './federation.gateway';
import { SystemBrowserOpener } from './system-browser.opener';

/**
 * Console sign-in over the profiles and sessions ports. A host may supply the opener (the browser
 * preview records URLs instead of opening them) and the federation gateway; otherwise the system
 * browser and HTTPS.
 */
export function createConsole(
  ports: Pick<Ports, 'clock' | 'logger'> & { urlOpener?: UrlOpener | undefined; federation?: FederationGateway | undefined },
  shared: Pick<Shared, 'audit'>,
  needs: { profiles: ProfileDirectory; sessions: Pick<SessionAccess, 'credentials'> },
): ConsoleSigninService {
  return new ConsoleSigninService({
    profiles: needs.profiles,
    sessions: needs.sessions,
    federation: ports.federation ?? new HttpFederationGateway(),
    opener: ports.urlOpener ?? new SystemBrowserOpener(),
    audit: shared.audit,
    clock: ports.clock,
    logger: ports.logger,
  });
}
