// A process that appends to the audit log until it is killed (the kill test, jsonl.audit-log.test.ts):
// `node audit-appender.mjs <home> <maxBytes> <keep> <name>`. Prints "ready" once loaded, then
// "saved <seq>" after each append returned, so the test knows which entries were reported written.
import { JsonlAuditLog } from '../../../electron/node/audit/jsonl.audit-log';

const [home, maxBytes, keep, name] = process.argv.slice(2);
const log = new JsonlAuditLog({ home: home ?? '.', maxBytes: Number(maxBytes), keep: Number(keep) });
process.stdout.write('ready\n');
for (let count = 1; ; count += 1) {
  const batch = 1 + (count % 3);
  await log.append(...Array.from({ length: batch }, (_, index) => ({ at: Date.now(), action: 'credential-process', profileName: `${name ?? 'w'}-${count}-${index}`, result: 'ok' as const, detail: 'x'.repeat(40) })));
  process.stdout.write(`saved ${name}-${count}\n`);
}
