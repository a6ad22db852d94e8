import type { HandlersFor } from '../ipc/router';
import type { ConsoleSigninService } from './console-signin.service';

/** 'sessions.openConsole': the browser opens on the main side; the login URL (a sign-in token) never crosses IPC. */
export function createConsoleHandlers(services: { console: ConsoleSigninService }): HandlersFor<'sessions.openConsole'> {
  return {
    'sessions.openConsole': async ({ profileId, destination, region }) => {
      const { opened, destination: where, sessionSeconds } = await services.console.open(profileId, { destination, region });
      return { opened, destination: where, ...(sessionSeconds !== undefined ? { sessionSeconds } : {}) };
    },
  };
}
