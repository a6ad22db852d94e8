import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { watchResume, type PowerEvents } from '../../../../../electron/main/app/resume-recheck';
import { recordingLogger } from '../../../../fakes/recording.logger';

describe('recheck after sleep', () => {
  it('asks the session service to recheck on resume and on screen unlock, until stopped', () => {
    const power = new EventEmitter();
    const recheck = vi.fn();
    const stop = watchResume(power as unknown as PowerEvents, recheck, recordingLogger().logger);
    power.emit('resume');
    power.emit('unlock-screen');
    expect(recheck).toHaveBeenCalledTimes(2);
    stop();
    power.emit('resume');
    expect(recheck).toHaveBeenCalledTimes(2);
  });

  it('logs a failed recheck instead of crashing the main process', async () => {
    const power = new EventEmitter();
    const { logger, lines } = recordingLogger();
    watchResume(power as unknown as PowerEvents, () => Promise.reject(new Error('keychain locked')), logger);
    power.emit('resume');
    await vi.waitFor(() => expect(lines.join('\n')).toContain('session recheck after resume failed'));
  });
});
