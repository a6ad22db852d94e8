import {
  CHANGE_ACTIONS,
  ReplacementSchema,
  type ChangeAction,
  type ChangeRow,
  type ChangeSetChange,
  type ChangeSetReview,
  type ChangeSummary,
  type ChangeWarning,
} from '../domain/deploy-change-set';
import { isStatefulType } from './cloudformation-guardrails';

/**
 * The change-set review: rows, a one-line summary and warnings for every change that can lose
 * data. Field meanings from the CloudFormation API reference (ResourceChange): Replacement is
 * only set for Modify; PolicyAction says what the DeletionPolicy / UpdateReplacePolicy does.
 */

function actionOf(action: string | undefined): ChangeAction {
  // An action this version does not know yet is shown as Dynamic: decided while deploying.
  return (CHANGE_ACTIONS as readonly string[]).includes(action ?? '') ? (action as ChangeAction) : 'Dynamic';
}

export function changeRows(changes: readonly ChangeSetChange[]): ChangeRow[] {
  return changes.map((change) => {
    const action = actionOf(change.action);
    const replacement = ReplacementSchema.safeParse(change.replacement);
    const resourceType = change.resourceType ?? 'unknown type';
    return {
      action,
      logicalId: change.logicalId ?? '(unnamed)',
      ...(change.physicalId ? { physicalId: change.physicalId } : {}),
      resourceType,
      ...(action === 'Modify' && replacement.success ? { replacement: replacement.data } : {}),
      scope: [...(change.scope ?? [])],
      stateful: isStatefulType(resourceType),
    };
  });
}

const plural = (count: number, word: string) => `${count} ${word}`;

export function summarizeChanges(rows: readonly ChangeRow[]): ChangeSummary {
  const count = (action: ChangeAction) => rows.filter((row) => row.action === action).length;
  const summary = {
    add: count('Add'),
    modify: count('Modify'),
    remove: count('Remove'),
    import: count('Import'),
    dynamic: count('Dynamic'),
    replace: rows.filter((row) => row.replacement === 'True').length,
    mayReplace: rows.filter((row) => row.replacement === 'Conditional').length,
    total: rows.length,
  };
  const parts: string[] = [];
  if (summary.add) parts.push(plural(summary.add, 'to add'));
  if (summary.modify) {
    const replaced = [
      summary.replace ? `${summary.replace} replaced` : '',
      summary.mayReplace ? `${summary.mayReplace} may be replaced` : '',
    ].filter(Boolean);
    parts.push(`${plural(summary.modify, 'to change')}${replaced.length ? ` (${replaced.join(', ')})` : ''}`);
  }
  if (summary.remove) parts.push(plural(summary.remove, 'to remove'));
  if (summary.import) parts.push(plural(summary.import, 'to import'));
  if (summary.dynamic) parts.push(plural(summary.dynamic, 'decided during the deploy'));
  return { ...summary, headline: parts.length ? parts.join(', ') : 'No changes' };
}

function named(row: ChangeRow): string {
  return `${row.logicalId} (${row.physicalId ? `${row.physicalId}, ` : ''}${row.resourceType})`;
}

/**
 * The guardrail: replacing or removing a resource that holds data (database, table, bucket, file
 * system) is named in a warning. A DeletionPolicy / UpdateReplacePolicy of Retain keeps the old
 * resource, so that change is not warned about; Snapshot is mentioned.
 */
export function changeWarnings(rows: readonly ChangeRow[], changes: readonly ChangeSetChange[] = []): ChangeWarning[] {
  const policies = new Map(changes.map((change) => [change.logicalId, change.policyAction]));
  const warnings: ChangeWarning[] = [];
  for (const row of rows) {
    if (!row.stateful) continue;
    const policy = policies.get(row.logicalId);
    const base = { logicalId: row.logicalId, resourceType: row.resourceType };
    if (row.action === 'Remove' && policy !== 'Retain') {
      const snapshot = policy === 'Snapshot' ? ' after taking a snapshot' : ' with its data';
      warnings.push({ ...base, kind: 'remove', message: `${named(row)} will be deleted${snapshot}.` });
    } else if (row.action === 'Modify' && row.replacement === 'True' && policy !== 'ReplaceAndRetain') {
      const fate = policy === 'ReplaceAndSnapshot' ? 'snapshots and deletes the old one' : 'deletes the old one with its data';
      warnings.push({ ...base, kind: 'replace', message: `${named(row)} will be replaced: CloudFormation creates a new one and ${fate}.` });
    } else if (row.action === 'Modify' && row.replacement === 'Conditional' && policy !== 'ReplaceAndRetain') {
      warnings.push({
        ...base,
        kind: 'may-replace',
        message: `${named(row)} may be replaced, depending on values only known during the deploy; if it is, the old one is deleted with its data.`,
      });
    }
  }
  return warnings;
}

/** Rows, summary and warnings for the review screen, from DescribeChangeSet's changes. */
export function reviewChangeSet(changes: readonly ChangeSetChange[]): ChangeSetReview {
  const rows = changeRows(changes);
  return { rows, summary: summarizeChanges(rows), warnings: changeWarnings(rows, changes) };
}

/**
 * "No changes", first form: the change set FAILED with a reason saying it "didn't contain changes"
 * ("The submitted information didn't contain changes. Submit different information to create a
 * change set."), or, from some paths, "No updates are to be performed.".
 */
export function isEmptyChangeSet(changeSet: { status?: string | undefined; statusReason?: string | undefined }): boolean {
  if (changeSet.status !== 'FAILED') return false;
  return /didn[’']t contain changes|No updates are to be performed/i.test(changeSet.statusReason ?? '');
}

/**
 * "No changes", second form: UpdateStack (and moto's CreateChangeSet, see TESTING.md) answers
 * ValidationError "No updates are to be performed.". The message is distinctive enough to be the
 * test, so an error the gateway wrapped (with the SDK error as its cause) is recognised too.
 */
export function isNoUpdatesError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { message, cause } = error as { message?: unknown; cause?: unknown };
  if (typeof message === 'string' && message.includes('No updates are to be performed')) return true;
  return isNoUpdatesError(cause, depth + 1);
}
