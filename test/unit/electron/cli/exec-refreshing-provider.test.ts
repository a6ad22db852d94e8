import { describe, expect, it } from 'vitest';
import { refreshingProvider, SERVER_REFRESH_MS } from '../../../../electron/cli/commands/exec.command';

describe('exec --server credentials provider', () => {
  it('serves the session it has until 15 minutes before expiry, then a renewed one, for a run longer than a session', async () => {
    let time = 0;
    let renewals = 0;
    const hour = 60 * 60_000;
    const provider = refreshingProvider({ key: 'first', expiresAt: hour }, async () => {
      renewals += 1;
      return { key: `renewed-${renewals}`, expiresAt: time + hour };
    }, () => time);

    expect((await provider()).key).toBe('first');
    time = hour - SERVER_REFRESH_MS - 1;
    expect((await provider()).key).toBe('first');
    time = hour - SERVER_REFRESH_MS + 1;
    expect((await provider()).key).toBe('renewed-1');
    // Two hours in: still fresh credentials, never an expired one.
    time = 2 * hour;
    const late = await provider();
    expect(late.expiresAt - time).toBeGreaterThan(SERVER_REFRESH_MS);
    expect(renewals).toBe(2);
  });

  it('renews once when several requests arrive together near expiry', async () => {
    let renewals = 0;
    const provider = refreshingProvider({ expiresAt: 1 }, async () => {
      renewals += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { expiresAt: Number.MAX_SAFE_INTEGER };
    }, () => 0);
    await Promise.all([provider(), provider(), provider()]);
    expect(renewals).toBe(1);
  });

  it('never renews long-term keys, which do not expire', async () => {
    let renewals = 0;
    const provider = refreshingProvider<{ expiresAt?: number }>({}, async () => {
      renewals += 1;
      return {};
    }, () => Date.now());
    await provider();
    expect(renewals).toBe(0);
  });
});
