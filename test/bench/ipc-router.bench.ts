import { createHandlers, createServices } from '../../electron/node/app/services';
import { IpcRouter } from '../../electron/node/ipc/router';
import { MemorySecretStore } from '../fakes/memory.secret-store';
import { recordingLogger } from '../fakes/recording.logger';
import { microsPerCall, type Figure } from './harness';

/** One IPC call through the router (request parse, handler, response check) against calling the service. */
export async function benchIpcRouter(): Promise<Figure[]> {
  const { logger } = recordingLogger();
  const services = createServices({
    secrets: new MemorySecretStore(),
    sts: {
      getCallerIdentity: () => Promise.reject(new Error('unused')),
      assumeRole: () => Promise.reject(new Error('unused')),
      getSessionToken: () => Promise.reject(new Error('unused')),
    },
    logger,
    runtime: { name: 'Roledeck', version: '0.0.0', platform: 'linux', runtime: { kind: 'node', version: process.versions.node } },
  });
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
