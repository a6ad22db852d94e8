import type { DeployRun } from '../../../shared/domain/deploy';
import type { ChangeSetReady, DeployOutcome, DeployTarget } from '../../../shared/domain/deploy-flow';
import type { DeployProgress, StackEvent } from '../../../shared/domain/deploy-events';
import { formatElapsed, resourcesDone } from '../../../shared/logic/cloudformation-progress';
import { tableLines } from './table';

/**
 * What `roledeck deploy` prints, in the words the window uses: the target before anything runs,
 * the change set, each stack event, the progress, and how it ended. Colour only on a terminal.
 */

const RED = '\u001b[31m';
const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';
/** Back to the start of the line and clear it: the progress line is redrawn in place. */
export const CLEAR_LINE = '\r\u001b[2K';

export interface Paint {
  red: (text: string) => string;
  bold: (text: string) => string;
}

export function paint(colour: boolean): Paint {
  return colour
    ? { red: (text) => `${RED}${text}${RESET}`, bold: (text) => `${BOLD}${text}${RESET}` }
    : { red: (text) => text, bold: (text) => text };
}

/** Account, region, identity and stack: shown before anything runs. */
export function targetLines(target: DeployTarget, stackName: string, action: string, look: Paint): string[] {
  const customer = target.customer ? ` (${target.customer})` : '';
  const production = target.production ? `  ${look.red('PRODUCTION')}` : '';
  return [
    `${look.bold(action)} stack ${look.bold(stackName)} in account ${look.bold(target.accountId)}${customer}, region ${look.bold(target.region)}${production}`,
    `  as ${target.identityArn} (profile ${target.profileName})`,
  ];
}

/** The change set: a headline, one row per change, then the warnings (red on a terminal). */
export function reviewLines(prepared: ChangeSetReady, look: Paint): string[] {
  const { review } = prepared;
  const rows = review.rows.map((row) => [row.action, row.logicalId, row.physicalId ?? '-', row.resourceType, row.replacement ?? '-']);
  const lines = [
    `Change set ${prepared.changeSetName} (${prepared.operation === 'create' ? 'new stack' : 'update'}): ${review.summary.headline}`,
    ...(rows.length > 0
      ? tableLines(['ACTION', 'LOGICAL ID', 'PHYSICAL ID', 'TYPE', 'REPLACEMENT'], rows).map((line) => `  ${line}`)
      : ['  CloudFormation lists no resource changes (parameters, outputs or tags may still change).']),
  ];
  if (prepared.capabilities.length > 0) lines.push(`Acknowledged: ${prepared.capabilities.join(', ')}`);
  for (const note of prepared.notes) lines.push(`Note: ${note}`);
  for (const warning of review.warnings) lines.push(look.red(`WARNING: ${warning.message}`));
  return lines;
}

function clock(epochMs: number): string {
  return new Date(epochMs).toTimeString().slice(0, 8);
}

/** "12:00:03  Queue  AWS::SQS::Queue  CREATE_FAILED  reason", red when something failed. */
export function eventLine(event: StackEvent, look: Paint): string {
  const line = `${clock(event.timestamp)}  ${event.logicalId}  ${event.resourceType}  ${event.status}${event.statusReason ? `  ${event.statusReason}` : ''}`;
  return /FAILED|ROLLBACK/.test(event.status) ? look.red(line) : line;
}

/** "[########------------]  3/5 resources  0:42  UPDATE_IN_PROGRESS" */
export function progressLine(progress: DeployProgress, elapsedMs: number, width = 24): string {
  const filled = Math.round(Math.min(1, Math.max(0, progress.fraction)) * width);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
  return `${bar}  ${resourcesDone(progress)}/${progress.total} resources  ${formatElapsed(elapsedMs)}  ${progress.stackStatus ?? 'starting'}`;
}

/** How it ended: the status and time, the outputs, or the first failure and the rollback. */
export function outcomeLines(outcome: DeployOutcome, look: Paint): string[] {
  const took = formatElapsed(outcome.durationMs);
  if (outcome.status === 'succeeded') {
    const lines = [`${look.bold(outcome.finalStatus ?? 'Complete')}: ${outcome.stackName} in ${took}`];
    if (outcome.outputs.length > 0) {
      lines.push('Outputs:');
      const width = Math.max(...outcome.outputs.map((output) => output.key.length));
      for (const output of outcome.outputs) lines.push(`  ${output.key.padEnd(width)}  ${output.value}`);
    }
    return lines;
  }
  const lines = [look.red(`${outcome.finalStatus ?? 'FAILED'}: ${outcome.stackName} after ${took}`)];
  if (outcome.failureText) lines.push(look.red(`  ${outcome.failureText}`));
  if (outcome.rollback === 'complete') lines.push('  The changes were rolled back.');
  if (outcome.rollback === 'failed') lines.push(look.red('  The rollback failed too: the stack needs attention in the CloudFormation console.'));
  return lines;
}

/** The history as a table, newest first. */
export function historyLines(runs: readonly DeployRun[]): string[] {
  return tableLines(
    ['WHEN', 'OPERATION', 'STACK', 'STATUS', 'DURATION', 'CHANGES', 'ACCOUNT', 'REGION', 'IDENTITY'],
    runs.map((run) => [
      new Date(run.startedAt).toISOString().slice(0, 16).replace('T', ' '),
      run.operation,
      run.stackName,
      run.finalStatus && run.status !== 'no-changes' ? `${run.status} (${run.finalStatus})` : run.status,
      run.durationMs === undefined ? '-' : formatElapsed(run.durationMs),
      String(run.changeCount),
      run.accountId,
      run.region,
      run.identityArn,
    ]),
  );
}
