import { describe, expect, it } from 'vitest';
import { ApiError, createApi } from '../../../../renderer/src/api/client';
import type { RoledeckBridge } from '../../../../shared/contract';

function bridgeRecording(answer: (channel: string) => unknown): { bridge: RoledeckBridge; calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = [];
  const bridge: RoledeckBridge = {
    invoke: async (channel, request) => {
      calls.push([channel, request]);
      return answer(channel) as never;
    },
    on: () => () => undefined,
  };
  return { bridge, calls };
}

describe('renderer API', () => {
  it('turns api.namespace.method(request) into one invoke of the contract channel', async () => {
    const { bridge, calls } = bridgeRecording(() => ({ ok: true, value: { state: 'ready' } }));
    const api = createApi(bridge);
    await expect(api.keychain.status()).resolves.toEqual({ state: 'ready' });
    expect(calls).toEqual([['keychain.status', {}]]);
  });

  it('throws an ApiError carrying the code when main answers with an error', async () => {
    const { bridge } = bridgeRecording(() => ({ ok: false, error: { code: 'KEYCHAIN_LOCKED', message: 'Unlock it.' } }));
    const failure = await createApi(bridge).keychain.status().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe('KEYCHAIN_LOCKED');
  });

  it('is not mistaken for a promise', () => {
    const { bridge } = bridgeRecording(() => ({ ok: true, value: null }));
    expect((createApi(bridge) as unknown as { then?: unknown }).then).toBeUndefined();
  });
});
