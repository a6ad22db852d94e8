import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channels, EVENT_TRANSPORT_CHANNEL, type EventName, type Result } from '../../../shared/contract';
import type { Logger } from '../../../shared/ports/logger';
import type { IpcRouter } from '../../node/ipc/router';
import { isAppSender } from '../security/app-origin.policy';

// Type-only imports from 'electron': main.ts passes ipcMain in, tests pass a fake.

/** The frame fields the sender check reads (a subset of WebFrameMain). */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * Only the top frame of the app's own page may call the API. `senderFrame` is null when the
 * frame navigated away or was destroyed while the message was in flight: refused too.
 */
export function isAllowedSenderFrame(frame: SenderFrame | null | undefined, appUrl: string): boolean {
  if (!frame) return false;
  return frame.parent === null && isAppSender(frame.url, appUrl);
}

export type EventRecipient = Pick<WebContents, 'send' | 'getURL' | 'isDestroyed'>;

/** What every event carries on EVENT_TRANSPORT_CHANNEL; the preload unpacks it. */
export interface EventEnvelope {
  event: EventName;
  payload: unknown;
}

export interface ElectronIpcAdapterOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  router: Pick<IpcRouter, 'dispatch' | 'subscribe'>;
  /** The URL the app window loads; see isAppSender. */
  appUrl: string;
  /** The webContents of the app's windows, asked afresh for every event. */
  targets: () => Iterable<EventRecipient>;
  logger: Logger;
}

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN_SENDER', message: 'Only Roledeck’s own window may use this API.' },
};

const INTERNAL: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Roledeck hit an internal error. Details are in the log.' },
};

/**
 * Mounts the router on Electron's ipcMain: one `handle` per contract channel (a name not in the
 * contract has no handler, so Electron rejects it before it reaches us), the sender check in
 * front of every call, and router events forwarded to the app's windows. Returns an unmount
 * function.
 */
export function mountElectronIpc(options: ElectronIpcAdapterOptions): () => void {
  const { ipcMain, router, appUrl, logger } = options;
  const names = Object.keys(channels);

  for (const channel of names) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown): Promise<Result<unknown>> => {
      if (!isAllowedSenderFrame(event.senderFrame, appUrl)) {
        logger.warn('refused an IPC call from a frame that is not the app', { channel });
        return FORBIDDEN;
      }
      try {
        return await router.dispatch(channel, payload, { transport: 'electron' });
      } catch (error) {
        // dispatch turns handler failures into results; this is the last line so a bug never
        // surfaces in the renderer as Electron's "Error invoking remote method".
        logger.error('IPC dispatch failed', { channel, error });
        return INTERNAL;
      }
    });
  }

  const unsubscribe = router.subscribe((event, payload) => {
    const envelope: EventEnvelope = { event, payload };
    for (const target of options.targets()) {
      // A window that navigated somewhere else (blocked, but defence in depth) gets nothing.
      if (target.isDestroyed() || !isAppSender(target.getURL(), appUrl)) continue;
      target.send(EVENT_TRANSPORT_CHANNEL, envelope);
    }
  });

  return () => {
    unsubscribe();
    for (const channel of names) ipcMain.removeHandler(channel);
  };
}
