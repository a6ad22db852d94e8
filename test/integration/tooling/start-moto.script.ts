/** Starts moto the way the test tiers do and waits to be killed (process-cleanup.test.ts). */
import { startMoto } from '../fixtures/moto-server';

startMoto().then(
  (moto) => {
    process.stdout.write(`ready ${moto.endpoint}\n`);
    setInterval(() => undefined, 60_000);
  },
  (error: unknown) => {
    process.stdout.write(`failed ${String(error)}\n`);
    process.exit(1);
  },
);
