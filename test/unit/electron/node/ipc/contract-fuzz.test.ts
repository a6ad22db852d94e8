/**
 * Issue 16, item 2: random and adversarial payloads to every contract channel. The channels are
 * read from the contract, never hand-listed, so a channel added later is fuzzed too. The handlers
 * behind the router are fakes that record a violation when they see a payload the contract
 * refuses: the router must stop every invalid payload before a service, and answer with data.
 */
import fc from 'fast-check';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mountElectronIpc, type ElectronIpcAdapterOptions } from '../../../../../electron/main/ipc/electron-ipc.adapter';
import { IpcRouter, type Handlers } from '../../../../../electron/node/ipc/router';
import { channels, type Result } from '../../../../../shared/contract';
import { adversarialPayload, brokenUnicode, hugeString, prototypeSnapshot } from '../../../../fixtures/adversarial-payloads';
import { recordFigure } from '../../../../fixtures/figures';
import { guardedHandlers } from '../../../../fakes/guarded.handlers';
import { recordingLogger } from '../../../../fakes/recording.logger';

const names = Object.keys(channels) as (keyof typeof channels)[];
/** Per channel; ~80 channels make this some six thousand payloads in a few seconds. */
const RUNS_PER_CHANNEL = 100;

let fuzzed = 0;
afterAll(() => recordFigure('payloads fuzzed', fuzzed));

function requestKeys(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape as Record<string, unknown>) : [];
}

function guardedRouter() {
  const { handlers, sent, violations } = guardedHandlers(channels);
  const log = recordingLogger();
  const router = new IpcRouter(handlers as unknown as Handlers, log.logger);
  const call = async (channel: string, payload: unknown): Promise<Result<unknown>> => {
    sent.channel = channel;
    sent.payload = payload;
    fuzzed += 1;
    return router.dispatch(channel, payload, { transport: 'direct' });
  };
  return { router, call, violations, logLines: log.lines };
}

function expectRefusedAsData(result: Result<unknown>, code: string): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(typeof result.error.message).toBe('string');
  // A refusal names fields and rules; it never echoes a huge payload back.
  expect(result.error.message.length).toBeLessThan(4_000);
}

describe('every contract channel under random and adversarial payloads', () => {
  const before = prototypeSnapshot();

  it.each(names)('%s answers an invalid payload with a validation error as data, and no service sees it', async (name) => {
    const { call, violations } = guardedRouter();
    const keys = requestKeys(channels[name].request);
    await fc.assert(
      fc.asyncProperty(adversarialPayload(keys), async (payload) => {
        const valid = channels[name].request.safeParse(payload ?? {}).success;
        const result = await call(name, payload);
        if (valid) expectRefusedAsData(result, 'NOT_FOUND');
        else expectRefusedAsData(result, 'INVALID_REQUEST');
      }),
      { numRuns: RUNS_PER_CHANNEL },
    );
    expect(violations).toEqual([]);
    expect(prototypeSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses channel names outside the contract, prototype names among them, without reaching a service', async () => {
    const { call, violations } = guardedRouter();
    const notAChannel = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'profiles.list ', 'PROFILES.LIST', 'profiles', ''),
      fc.string({ maxLength: 40 }).filter((text) => !Object.hasOwn(channels, text)),
      brokenUnicode(),
      hugeString(),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(notAChannel, fc.integer(), fc.constant(null), fc.array(fc.string())), fc.anything({ maxDepth: 2 }), async (channel, payload) => {
        expectRefusedAsData(await (call as (channel: unknown, payload: unknown) => Promise<Result<unknown>>)(channel, payload), 'UNKNOWN_CHANNEL');
      }),
      { numRuns: 300 },
    );
    expect(violations).toEqual([]);
  });

  it('does not echo a secret-looking value from a refused payload into the error or the log', async () => {
    const { call, logLines } = guardedRouter();
    const canary = 'CANARYfuzzSecretAccessKey0123456789abcdEF';
    for (const name of names) {
      const keys = requestKeys(channels[name].request);
      const payload = Object.fromEntries([...keys, 'unexpected'].map((key) => [key, { nested: canary }]));
      const result = await call(name, payload);
      expect(JSON.stringify(result)).not.toContain(canary);
    }
    expect(logLines.join('\n')).not.toContain(canary);
  });
});

describe('the Electron transport’s sender check under random senders', () => {
  const APP = 'app://roledeck/index.html';

  it('refuses every frame that is not the app’s own top frame, before the router sees it', async () => {
    const handles = new Map<string, (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>>();
    const ipcMain = {
      handle: (channel: string, handler: (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>) => handles.set(channel, handler),
      removeHandler: (channel: string) => handles.delete(channel),
    } as unknown as ElectronIpcAdapterOptions['ipcMain'];
    let dispatched = 0;
    const router = {
      dispatch: () => {
        dispatched += 1;
        return Promise.resolve({ ok: true as const, value: null });
      },
      subscribe: () => () => undefined,
    };
    mountElectronIpc({ ipcMain, router, appUrl: APP, logger: recordingLogger().logger, targets: () => [] });

    const foreignUrl = fc.oneof(
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.constantFrom('file:///index.html', 'about:blank', 'data:text/html,x', 'app://evil/index.html', 'app://roledeck.evil/', 'app://user:pw@roledeck/', 'app:///', '', 'javascript:alert(1)'),
      brokenUnicode(),
    );
    const foreignFrame = fc.oneof(
      foreignUrl.map((url) => ({ url, parent: null })),
      // The app's own page inside a subframe: still refused.
      fc.constant({ url: `${APP}#/`, parent: {} }),
      fc.constant(null),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), foreignFrame, fc.anything({ maxDepth: 2 }), async (channel, frame, payload) => {
        fuzzed += 1;
        const result = await handles.get(channel)!({ senderFrame: frame } as unknown as IpcMainInvokeEvent, payload);
        expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
      }),
      { numRuns: 500 },
    );
    expect(dispatched).toBe(0);
  });
});
