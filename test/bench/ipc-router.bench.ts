import { createHandlers, createServices } from '../../electron/node/app/services';
import { IpcRouter } from '../../electron/node/ipc/router';
import { fakePorts } from '../fakes/ports';
import { microsPerCall, type Figure } from './harness';

/** One IPC call through the router (request parse, handler, response check) against calling the service. */
export async function benchIpcRouter(): Promise<Figure[]> {
  const { ports } = fakePorts();
  const services = createServices(ports);
  const logger = ports.logger;
  const router = new IpcRouter(createHandlers(services), logger);
  const context = { transport: 'direct' as const };
  const direct = await microsPerCall(() => services.secrets.status());
  const routed = await microsPerCall(() => router.dispatch('keychain.status', {}, context));
  return [
    {
      name: 'IPC round trip through the router (keychain.status)',
      value: routed,
      reference: direct,
      referenceName: 'direct service call',
      unit: 'µs',
    },
  ];
}
