import { describe, expect, it } from 'vitest';
import { agentPipeName, agentSocketPath } from '../../../../../electron/node/agent/agent-endpoint';

describe('the agent socket name', () => {
  it('gives two Windows users different pipes when their data folders differ only early in the path', () => {
    const alice = agentPipeName({ username: 'alice', home: 'C:\\Users\\alice\\AppData\\Roaming\\Roledeck' }, 'x');
    const bob = agentPipeName({ username: 'bob', home: 'C:\\Users\\bob\\AppData\\Roaming\\Roledeck' }, 'x');
    expect(alice).not.toBe(bob);
    // Same user name, data folders that differ only in their first characters.
    expect(agentPipeName({ username: 'dev', home: 'C:\\a\\AppData\\Roaming\\Roledeck' }, 'x')).not.toBe(
      agentPipeName({ username: 'dev', home: 'D:\\a\\AppData\\Roaming\\Roledeck' }, 'x'),
    );
  });

  it('gives two users with the same data folder text different pipes', () => {
    const home = 'C:\\Roledeck';
    expect(agentPipeName({ username: 'alice', home }, 'x')).not.toBe(agentPipeName({ username: 'bob', home }, 'x'));
  });

  it('draws a new pipe name at every start, so nobody can create it first', async () => {
    const place = { platform: 'win32' as const, env: {}, username: () => 'alice', uid: -1, tmpdir: 'C:\\Temp' };
    const first = await agentSocketPath('C:\\Users\\alice\\AppData\\Roaming\\Roledeck', place);
    const second = await agentSocketPath('C:\\Users\\alice\\AppData\\Roaming\\Roledeck', place);
    expect(first).toMatch(/^\\\\\.\\pipe\\roledeck-agent-[0-9a-f]{24}-[0-9a-f]{16}$/);
    expect(first.slice(0, -16)).toBe(second.slice(0, -16));
    expect(first).not.toBe(second);
  });
});
