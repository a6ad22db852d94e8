import type { HandlersFor } from '../ipc/router';
import type { CliInstallService } from './cli-install.service';

export type CliInstallChannel = 'cliInstall.status' | 'cliInstall.install';

/** The router's handlers for the cliInstall.* channels. */
export function createCliInstallHandlers(services: { cliInstall: CliInstallService }): HandlersFor<CliInstallChannel> {
  const { cliInstall } = services;
  return {
    'cliInstall.status': () => cliInstall.status(),
    'cliInstall.install': () => cliInstall.install(),
  };
}
