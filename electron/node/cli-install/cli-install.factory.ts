import type { Ports } from '../app/composition';
import { CliInstallService } from './cli-install.service';
import { nodeCliInstallPorts } from './node-cli-install.ports';

/** "Install the roledeck command": the packaged app's CLI (`bundledCli`) put on PATH. */
export function createCliInstall(ports: Pick<Ports, 'bundledCli'>): CliInstallService {
  return new CliInstallService(nodeCliInstallPorts({ bundledCli: ports.bundledCli ?? null }));
}
