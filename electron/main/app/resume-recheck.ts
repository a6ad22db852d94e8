import type { PowerMonitor } from 'electron';
import type { Logger } from '../../../shared/ports/logger';

// Type-only import: main.ts passes Electron's powerMonitor, tests pass an EventEmitter.

export type PowerEvents = Pick<PowerMonitor, 'on' | 'off'>;

/**
 * After sleep, timers set before it have either fired late or not at all, and sessions may have
 * expired meanwhile: `recheck` makes the session service look at every session again (refresh
 * what is due, mark what expired). Unlocking the screen counts too: on some desktops it is the
 * only signal after a long suspend. Returns a function that stops watching.
 */
export function watchResume(power: PowerEvents, recheck: () => void | Promise<void>, logger: Logger): () => void {
  const onWake = (): void => {
    try {
      Promise.resolve(recheck()).catch((error: unknown) => logger.warn('session recheck after resume failed', { error }));
    } catch (error) {
      logger.warn('session recheck after resume failed', { error });
    }
  };
  power.on('resume', onWake);
  power.on('unlock-screen', onWake);
  return () => {
    power.off('resume', onWake);
    power.off('unlock-screen', onWake);
  };
}
