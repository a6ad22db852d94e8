import { defineConfig } from 'vitest/config';

// Two tiers, run separately by the suite runner (test/tooling/run-suite.mjs):
//   unit         pure logic and services with hand-written fakes of the ports
//   integration  real peers: moto over HTTP, the Secret Service keyring, the aws CLI, real shells
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['test/fixtures/no-real-aws.setup.ts', 'test/fixtures/private-config-home.setup.ts'],
          // Some unit tests generate RSA keys (CloudFront); on a loaded 2-core CI machine one
          // 3072-bit key took over 5 s. A slow pass is still a pass; a hang still fails.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          setupFiles: ['test/fixtures/no-real-aws.setup.ts', 'test/fixtures/private-config-home.setup.ts', 'test/integration/fixtures/keyring-unlocked.setup.ts'],
          globalSetup: ['test/integration/fixtures/moto.global-setup.ts'],
          // One moto server is shared, and it is reset between tests: files run one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
