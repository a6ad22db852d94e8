import type { Logger } from '../../../shared/ports/logger';
import type { SecretStore } from '../../../shared/ports/secret-store';
import type { StsGateway } from '../../../shared/ports/sts-gateway';
import { IpcRouter, type Handlers } from '../ipc/router';
import { AppInfoService, type RuntimeDescription } from './app-info.service';

/** The ports a host (Electron main, the CLI, the test host) supplies. */
export interface Ports {
  secrets: SecretStore;
  sts: StsGateway;
  logger: Logger;
  runtime: RuntimeDescription;
}

export interface Services {
  appInfo: AppInfoService;
  secrets: SecretStore;
  sts: StsGateway;
}

/** Hand-wired composition: plain classes taking ports, no container, no singletons. */
export function createServices(ports: Ports): Services {
  return {
    appInfo: new AppInfoService(ports.runtime),
    secrets: ports.secrets,
    sts: ports.sts,
  };
}

export function createHandlers(services: Services): Handlers {
  return {
    'app.info': () => services.appInfo.info(),
    'keychain.status': () => services.secrets.status(),
  };
}

export function createRouter(ports: Ports): { router: IpcRouter; services: Services } {
  const services = createServices(ports);
  return { router: new IpcRouter(createHandlers(services), ports.logger), services };
}
