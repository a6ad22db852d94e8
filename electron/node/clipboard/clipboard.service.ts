import { createHash } from 'node:crypto';
import type { Clipboard } from '../../../shared/ports/clipboard';
import type { Clock } from '../../../shared/ports/clock';
import type { Logger } from '../../../shared/ports/logger';
import type { Scheduler } from '../../../shared/ports/scheduler';

import { DEFAULT_CLIPBOARD_CLEAR_SECONDS } from '../../../shared/domain/settings-defaults';

export const DEFAULT_CLEAR_SECONDS = DEFAULT_CLIPBOARD_CLEAR_SECONDS;

/** How a copy is recognised later without keeping it: its SHA-256, in hex. */
export const clipboardDigest = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Clears the clipboard if it still holds the text whose digest is `hash`; something the user
 * copied since is left alone. Resolves with what happened; a clipboard that cannot be read or
 * written is logged, never thrown (a clear runs from a timer or a detached process).
 */
export async function clearIfStillOurs(clipboard: Clipboard, hash: string, logger: Logger): Promise<'cleared' | 'replaced' | 'failed'> {
  try {
    if (clipboardDigest(await clipboard.readText()) !== hash) return 'replaced';
    await clipboard.clear();
    return 'cleared';
  } catch (error) {
    logger.warn('could not clear the clipboard', { error });
    return 'failed';
  }
}

/**
 * Copies credentials to the clipboard from the main process (the renderer never holds them) and
 * clears them after a delay — unless the user has copied something else meanwhile, which is left
 * alone. Only a hash of what was copied is kept to recognise it, not the text.
 */
export class ClipboardService {
  private pending: { hash: string; cancel: () => void } | undefined;
  /** The hash of the last credential copied, whether or not a clear is scheduled. */
  private lastCopied: string | undefined;

  constructor(
    private readonly clipboard: Clipboard,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Resolves with when the copy will be cleared (epoch ms), or null when clearing is off (0 s). */
  async copySecret(text: string, clearAfterSeconds = DEFAULT_CLEAR_SECONDS): Promise<number | null> {
    this.pending?.cancel();
    this.pending = undefined;
    await this.clipboard.writeConcealed(text);
    const hash = clipboardDigest(text);
    this.lastCopied = hash;
    if (clearAfterSeconds <= 0) return null;
    const cancel = this.scheduler.setTimer(() => {
      void this.clearIfStillOurs(hash);
    }, clearAfterSeconds * 1000);
    this.pending = { hash, cancel };
    return this.clock.now() + clearAfterSeconds * 1000;
  }

  /**
   * Copies text that is not a credential but should stay out of clipboard history (an onboarding
   * artefact carries the customer's ExternalId), and leaves it there: the person is about to paste
   * it elsewhere. A credential copied before and still due to be cleared is cleared only if it is
   * still on the clipboard then, which it no longer is.
   */
  async copyText(text: string): Promise<void> {
    await this.clipboard.writeConcealed(text);
  }

  /**
   * When the app quits: a credential it copied does not outlive it on the clipboard, even with
   * auto-clear off or its timer still running. Something the user copied since stays.
   */
  async clearOnQuit(): Promise<void> {
    this.pending?.cancel();
    this.pending = undefined;
    const hash = this.lastCopied;
    this.lastCopied = undefined;
    if (hash) await this.clearIfStillOurs(hash);
  }

  private async clearIfStillOurs(hash: string): Promise<void> {
    if (this.pending?.hash === hash) this.pending = undefined;
    await clearIfStillOurs(this.clipboard, hash, this.logger);
  }
}
