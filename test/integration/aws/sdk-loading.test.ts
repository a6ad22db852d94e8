import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const script = path.join(import.meta.dirname, 'sdk-loading.script.ts');

describe('AWS SDK loading', () => {
  it('loads no AWS SDK module when the gateways are imported and built, only at their first call', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', script], {
      // A closed loopback port: the one call fails fast without leaving the machine.
      env: { ...process.env, AWS_ENDPOINT_URL: 'http://127.0.0.1:1' },
      encoding: 'utf8',
    });
    const { afterBuild, afterCall, failure } = JSON.parse(out.trim().split('\n').at(-1)!) as { afterBuild: string[]; afterCall: string[]; failure: string };

    expect(afterBuild).toEqual([]);
    expect(afterCall).toContain('@aws-sdk/client-cloudformation');
    expect(afterCall).not.toContain('@aws-sdk/client-sts');
    expect(failure).toMatch(/DescribeStacks failed: NetworkError/);
  });
});
