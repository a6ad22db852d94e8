import { describe, expect, it } from 'vitest';
import type { DeployRun } from '../../../../shared/domain/deploy';
import { deployAuditEntry, deployHistory, deployRunOf } from '../../../../shared/logic/cloudformation-history';
import { formatElapsed } from '../../../../shared/logic/cloudformation-progress';

const run: DeployRun = {
  id: 'run-1',
  profileId: 'acme-test-0001',
  operation: 'update',
  stackName: 'acme-queue',
  stackId: 'arn:aws:cloudformation:eu-west-1:222222222222:stack/acme-queue/1',
  region: 'eu-west-1',
  accountId: '222222222222',
  identityArn: 'arn:aws:sts::222222222222:assumed-role/Deployer/roledeck-consultant',
  status: 'failed',
  startedAt: 1_700_000_000_000,
  endedAt: 1_700_000_042_000,
  durationMs: 42_000,
  changeCount: 3,
  failure: 'Topic (AWS::SNS::Topic) UPDATE_FAILED: name taken',
  finalStatus: 'UPDATE_ROLLBACK_COMPLETE',
};

describe('deploy history in the audit log', () => {
  it('writes a run as an audit entry (identity, result, the failure as detail) and reads it back unchanged', () => {
    const entry = deployAuditEntry(run, 'Acme');
    expect(entry).toMatchObject({ action: 'deploy-update', profileId: run.profileId, customer: 'Acme', identity: run.identityArn, result: 'failed', detail: run.failure, at: run.endedAt });
    expect(deployRunOf(entry)).toEqual(run);
  });

  it('says what happened in plain words when nothing failed', () => {
    expect(deployAuditEntry({ ...run, status: 'succeeded', failure: undefined, finalStatus: 'UPDATE_COMPLETE' } as DeployRun).detail).toBe(
      'acme-queue in 222222222222 (eu-west-1): UPDATE_COMPLETE in 42 s, 3 changes.',
    );
    expect(deployAuditEntry({ ...run, status: 'no-changes', failure: undefined } as DeployRun)).toMatchObject({ result: 'ok', detail: 'acme-queue in 222222222222 (eu-west-1): up to date, nothing to change.' });
  });

  it('lists runs newest first and leaves out entries that are not deploys or do not read back', () => {
    const older = deployAuditEntry({ ...run, id: 'run-0', startedAt: run.startedAt - 60_000 });
    const newer = deployAuditEntry(run);
    const broken = { ...newer, facts: { ...newer.facts, status: 'exploded' } };
    const other = { at: 1, action: 'add-user', result: 'ok' as const };
    expect(deployHistory([older, other, broken, newer]).map((entry) => entry.id)).toEqual(['run-1', 'run-0']);
  });
});

describe('formatElapsed', () => {
  it.each([
    [0, '0:00'],
    [7_400, '0:07'],
    [725_000, '12:05'],
    [3_723_000, '1:02:03'],
  ])('%i ms reads %s', (ms, text) => expect(formatElapsed(ms)).toBe(text));
});
