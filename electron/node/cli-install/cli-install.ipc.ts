import type { Handlers } from '../ipc/router';
import type { CliInstallService } from './cli-install.service';

/** The `cliInstall.*` channels: spread into the router's handlers (app/services.ts). */
export function cliInstallHandlers(service: CliInstallService): Pick<Handlers, 'cliInstall.status' | 'cliInstall.install'> {
  return {
    'cliInstall.status': () => service.status(),
    'cliInstall.install': () => service.install(),
  };
}
