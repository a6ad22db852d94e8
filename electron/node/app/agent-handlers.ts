import type { AgentHandlers } from '../agent/agent.server';
import type { Services } from './services';

/** What the running app answers on the CLI socket: the same session service the UI uses. */
export function createAgentHandlers(services: Services, app: { version: string }): AgentHandlers {
  return {
    'agent.hello': () => ({ app: 'roledeck' as const, version: app.version, pid: process.pid }),
    // Interactive: if MFA is needed, the app's broker shows its one prompt and the CLI waits.
    'agent.credentials': ({ profile }) => services.sessions.exportable(profile, { interactive: true }),
    'agent.sessions': () => services.sessions.list(),
  };
}
