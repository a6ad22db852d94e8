import type { AgentHandlers } from '../agent/agent.server';
import type { Services } from './services';

/** What the running app answers on the CLI socket: the same session service the UI uses. */
export function createAgentHandlers(services: Services, app: { version: string }): AgentHandlers {
  return {
    'agent.hello': () => ({ app: 'roledeck' as const, version: app.version, pid: process.pid }),
    'agent.credentials': async ({ profile }) => {
      // Interactive: if MFA is needed, the app's broker shows its one prompt and the CLI waits.
      const { profileName, region, credentials } = await services.sessions.exportable(profile, { interactive: true });
      return {
        profileName,
        region,
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
        ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
        ...(credentials.expiresAt !== undefined ? { expiresAt: credentials.expiresAt } : {}),
      };
    },
    'agent.sessions': () => services.sessions.list(),
  };
}
