import { describeChain } from '../../../shared/logic/audit-chain';
import { auditCsv, auditJsonl, filterAudit, parseSince, type AuditFilter } from '../../../shared/logic/audit-export';
import type { CliContext } from '../context';
import { EXIT, UsageError } from '../errors';
import { printTable } from '../io/table';
import { AUDIT } from '../usage/commands.catalog';
import { parseCommand } from '../usage/parse-command';

function when(at: number): string {
  return new Date(at).toISOString().replace('T', ' ').slice(0, 19);
}

/**
 * `roledeck audit`: the audit log, filtered, as a table, JSON Lines or CSV; `--verify` checks its
 * hash chain and exits EXIT.auditBroken naming each broken line.
 */
export async function auditCommand(context: CliContext, args: string[]): Promise<number> {
  const { values } = parseCommand(AUDIT, args);
  const { io } = context;
  if (values.json && values.csv) throw new UsageError('Give --json or --csv, not both', AUDIT.name);
  const audit = await context.audit();
  if (values.verify) {
    const report = await audit.verify();
    io.stdout(`${describeChain(report)}\n`);
    for (const problem of report.problems) io.stdout(`  ${problem.kind}: ${problem.message}\n`);
    return report.ok ? EXIT.ok : EXIT.auditBroken;
  }
  const filter: AuditFilter = {};
  if (values.action !== undefined) filter.action = values.action;
  if (values.profile !== undefined) filter.profile = values.profile;
  if (values.customer !== undefined) filter.customer = values.customer;
  if (values.since !== undefined) {
    const since = parseSince(values.since, Date.now());
    if (since === null) throw new UsageError(`--since takes a span such as 30m, 2h or 7d, or a date; not "${values.since}"`, AUDIT.name);
    filter.since = since;
  }
  const entries = filterAudit(await audit.list(), filter);
  if (values.json) io.stdout(auditJsonl(entries));
  else if (values.csv) io.stdout(auditCsv(entries));
  else if (entries.length === 0) io.stderr('No entries match.\n');
  else {
    printTable(
      io,
      ['TIME (UTC)', 'ACTION', 'RESULT', 'PROFILE', 'CUSTOMER', 'DETAIL'],
      entries.map((entry) => [when(entry.at), entry.action, entry.result, entry.profileName ?? entry.profileId ?? '—', entry.customer ?? '—', entry.detail ?? '']),
    );
  }
  return EXIT.ok;
}
