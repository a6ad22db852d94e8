import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../../../../electron/cli/node-version-guard';

describe('the CLI on an old Node', () => {
  it('accepts Node 22.12 and newer', () => {
    for (const version of ['22.12.0', 'v22.12.0', '22.20.5', '24.0.0', '25.1.0']) expect(nodeVersionProblem(version), version).toBeNull();
  });

  it('refuses older ones in one sentence that names the version it needs and the one it found', () => {
    expect(nodeVersionProblem('v20.20.2')).toBe(
      'roledeck needs Node 22.12 or newer, and this is Node 20.20.2. Install a current Node (https://nodejs.org), or use the roledeck command the desktop app installs.\n',
    );
    expect(nodeVersionProblem('22.11.9')).toMatch(/needs Node 22\.12/);
    expect(nodeVersionProblem('18.0.0')).toMatch(/this is Node 18\.0\.0\./);
  });
});
