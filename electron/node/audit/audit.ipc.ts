import type { HandlersFor } from '../ipc/router';
import type { AuditService } from './audit.service';

export type AuditChannel = 'audit.list' | 'audit.verify' | 'audit.export';

/** The router's handlers for the audit.* channels. */
export function createAuditHandlers(services: { audit: AuditService }): HandlersFor<AuditChannel> {
  const { audit } = services;
  return {
    'audit.list': async (filter) => ({ entries: await audit.list(filter) }),
    'audit.verify': () => audit.verify(),
    'audit.export': ({ format, filter }) => audit.export(format, filter),
  };
}
