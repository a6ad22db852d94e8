import type { Clock } from '../../../shared/ports/clock';
import type { AwsFilesSource } from '../../../shared/ports/aws-files';
import type { DocumentStore } from '../../../shared/ports/document-store';
import type { Logger } from '../../../shared/ports/logger';
import type { SecretStore } from '../../../shared/ports/secret-store';
import type { StsGateway } from '../../../shared/ports/sts-gateway';
import { IpcRouter, type Handlers } from '../ipc/router';
import { ProfileService } from '../profiles/profile.service';
import { AppInfoService, type RuntimeDescription } from './app-info.service';

/** The ports a host (Electron main, the CLI, the test host) supplies. */
export interface Ports {
  secrets: SecretStore;
  store: DocumentStore;
  sts: StsGateway;
  awsFiles: AwsFilesSource;
  clock: Clock;
  logger: Logger;
  runtime: RuntimeDescription;
}

export interface Services {
  appInfo: AppInfoService;
  secrets: SecretStore;
  profiles: ProfileService;
}

/** Hand-wired composition: plain classes taking ports, no container, no singletons. */
export function createServices(ports: Ports): Services {
  return {
    appInfo: new AppInfoService(ports.runtime),
    secrets: ports.secrets,
    profiles: new ProfileService(ports.store, ports.secrets, ports.clock, ports.logger, ports.awsFiles),
  };
}

export function createHandlers(services: Services): Handlers {
  const { profiles } = services;
  return {
    'app.info': () => services.appInfo.info(),
    'keychain.status': () => services.secrets.status(),
    'profiles.list': async () => ({ profiles: await profiles.list() }),
    'profiles.addUser': (input) => profiles.addUser(input),
    'profiles.addRole': (input) => profiles.addRole(input),
    'profiles.updateUser': (input) => profiles.updateUser(input),
    'profiles.updateRole': (input) => profiles.updateRole(input),
    'profiles.remove': async ({ name }) => {
      await profiles.remove(name);
      return { removed: true as const };
    },
    'profiles.importPreview': ({ moveKeys }) => profiles.previewImport(moveKeys),
    'profiles.importApply': ({ moveKeys }) => profiles.applyImport(moveKeys),
    'settings.get': () => profiles.settings(),
    'settings.update': (changes) => profiles.updateSettings(changes),
  };
}

export function createRouter(ports: Ports): { router: IpcRouter; services: Services } {
  const services = createServices(ports);
  return { router: new IpcRouter(createHandlers(services), ports.logger), services };
}
