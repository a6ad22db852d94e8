import { describe, expect, it } from 'vitest';
import { SdkStsGateway } from '../../../electron/node/aws/sts.gateway';

describe('the test environment', () => {
  it('refuses an AWS call that would leave this machine', async () => {
    const saved = process.env.AWS_ENDPOINT_URL;
    delete process.env.AWS_ENDPOINT_URL;
    try {
      const failure = await new SdkStsGateway()
        .getCallerIdentity({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x'.repeat(40) }, 'us-east-1')
        .then(() => undefined, (error: unknown) => error);
      expect(String(failure)).toMatch(/tests may only reach 127\.0\.0\.1/);
    } finally {
      if (saved !== undefined) process.env.AWS_ENDPOINT_URL = saved;
    }
  });
});
