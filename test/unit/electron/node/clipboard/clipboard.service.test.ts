import { describe, expect, it } from 'vitest';
import { ClipboardService } from '../../../../../electron/node/clipboard/clipboard.service';
import { FakeScheduler } from '../../../../fakes/fake.scheduler';
import { MemoryClipboard } from '../../../../fakes/memory.clipboard';
import { FakeClock } from '../../../../fakes/ports';
import { recordingLogger } from '../../../../fakes/recording.logger';

function setup() {
  const clock = new FakeClock();
  const scheduler = new FakeScheduler(clock);
  const clipboard = new MemoryClipboard();
  return { clock, scheduler, clipboard, service: new ClipboardService(clipboard, scheduler, clock, recordingLogger().logger) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ClipboardService', () => {
  it('writes concealed and clears after the delay when the clipboard still holds the copy', async () => {
    const { clock, scheduler, clipboard, service } = setup();
    const clearsAt = await service.copySecret('export AWS_SECRET_ACCESS_KEY=abc', 60);
    expect(clipboard.writes).toBe(1);
    expect(clipboard.concealed).toBe(true);
    expect(clearsAt).toBe(clock.now() + 60_000);
    await scheduler.advance(59_000);
    await flush();
    expect(clipboard.text).toBe('export AWS_SECRET_ACCESS_KEY=abc');
    await scheduler.advance(1_000);
    await flush();
    expect(clipboard.text).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const { scheduler, clipboard, service } = setup();
    await service.copySecret('secret export', 60);
    clipboard.text = 'something the user copied';
    await scheduler.advance(60_000);
    await flush();
    expect(clipboard.text).toBe('something the user copied');
  });

  it('keeps the copy when clearing is off (0 seconds)', async () => {
    const { scheduler, clipboard, service } = setup();
    expect(await service.copySecret('secret export', 0)).toBeNull();
    await scheduler.advance(3_600_000);
    await flush();
    expect(clipboard.text).toBe('secret export');
  });

  it('a second copy replaces the first timer: the clipboard is cleared once, after the second delay', async () => {
    const { scheduler, clipboard, service } = setup();
    await service.copySecret('first', 60);
    await scheduler.advance(30_000);
    await service.copySecret('second', 60);
    await scheduler.advance(30_000);
    await flush();
    expect(clipboard.text).toBe('second');
    await scheduler.advance(30_000);
    await flush();
    expect(clipboard.text).toBe('');
  });

  it('clears a credential it copied when the app quits, even with auto-clear off or its timer pending', async () => {
    for (const clearAfter of [0, 60]) {
      const { scheduler, clipboard, service } = setup();
      await service.copySecret('secret export', clearAfter);
      await service.clearOnQuit();
      expect(clipboard.text, `clear after ${clearAfter}s`).toBe('');
      // The cancelled timer does nothing later.
      clipboard.text = 'copied after quit';
      await scheduler.advance(60_000);
      await flush();
      expect(clipboard.text).toBe('copied after quit');
    }
  });

  it('leaves what the user copied since when the app quits', async () => {
    const { clipboard, service } = setup();
    await service.copySecret('secret export', 0);
    clipboard.text = 'my own text';
    await service.clearOnQuit();
    expect(clipboard.text).toBe('my own text');
  });
});
