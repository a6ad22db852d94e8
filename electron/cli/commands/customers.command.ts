import { formatUtc } from '../../../shared/logic/onboarding/quick-create';
import { STATUS_WORDS } from '../../../shared/logic/onboarding/customer-onboarding';
import type { CliContext } from '../context';
import { EXIT, UsageError } from '../errors';
import { printTable } from '../io/table';
import { leafName } from '../usage/command-spec';
import { CUSTOMERS, CUSTOMERS_VERIFY } from '../usage/commands.catalog';
import { parseCommand } from '../usage/parse-command';
import { outcomeLine } from './onboard.command';

async function list(context: CliContext, args: string[]): Promise<number> {
  const { values } = parseCommand(CUSTOMERS, args);
  const { io } = context;
  const customers = await (await context.onboarding()).setup.list();
  if (values.json) {
    io.stdout(`${JSON.stringify({ customers }, null, 2)}\n`);
    return EXIT.ok;
  }
  if (customers.length === 0) {
    io.stdout('No customers yet. Start one with `roledeck onboard <customer> --role-name <name> --out <dir>`.\n');
    return EXIT.ok;
  }
  printTable(
    io,
    ['CUSTOMER', 'STATUS', 'LAST VERIFIED', 'ROLE', 'PROFILE'],
    customers.map((customer) => [
      customer.customerName,
      STATUS_WORDS[customer.status],
      customer.lastVerifiedAt !== undefined ? formatUtc(customer.lastVerifiedAt) : '—',
      customer.roleArn ?? customer.setup?.roleName ?? '—',
      customer.profileName ?? '—',
    ]),
  );
  return EXIT.ok;
}

async function verify(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(CUSTOMERS_VERIFY, args);
  const { io } = context;
  if (values.all && positionals.length > 0) throw new UsageError('Give --all or customer names, not both', CUSTOMERS_VERIFY.name);
  const onboarding = await context.onboarding();
  // Lines appear as each customer finishes, so a slow role does not hide the others.
  const { outcomes } = await onboarding.verify.verifyAll(positionals, values.json ? undefined : ({ outcome }) => io.stdout(`${outcomeLine(outcome)}\n`));
  if (values.json) io.stdout(`${JSON.stringify({ outcomes }, null, 2)}\n`);
  else {
    const count = (state: string) => outcomes.filter((outcome) => outcome.state === state).length;
    io.stderr(`${count('verified')} verified, ${count('failed')} failed, ${count('skipped')} skipped.\n`);
  }
  return outcomes.some((outcome) => outcome.state === 'failed') ? EXIT.aws : EXIT.ok;
}

/** `roledeck customers [--json]` lists customers and their onboarding; `roledeck customers verify` re-tests them. */
export async function customersCommand(context: CliContext, args: string[]): Promise<number> {
  if (args[0] === leafName(CUSTOMERS_VERIFY)) return verify(context, args.slice(1));
  return list(context, args);
}
