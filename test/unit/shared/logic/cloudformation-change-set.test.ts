import { describe, expect, it } from 'vitest';
import { ChangeSetReviewSchema, type ChangeSetChange } from '../../../../shared/domain/deploy-change-set';
import {
  changeRows,
  isEmptyChangeSet,
  isNoUpdatesError,
  reviewChangeSet,
  summarizeChanges,
} from '../../../../shared/logic/cloudformation-change-set';

const change = (fields: ChangeSetChange): ChangeSetChange => fields;

describe('change-set rows', () => {
  it('keeps each change’s action, ids, type and replacement (only for Modify)', () => {
    expect(
      changeRows([
        change({ action: 'Add', logicalId: 'Topic', resourceType: 'AWS::SNS::Topic', replacement: 'True' }),
        change({ action: 'Modify', logicalId: 'Db', physicalId: 'db-1', resourceType: 'AWS::RDS::DBInstance', replacement: 'Conditional', scope: ['Properties'] }),
        change({ action: 'Remove', logicalId: 'Old', physicalId: 'old-q', resourceType: 'AWS::SQS::Queue' }),
        change({ action: 'SomethingNew', logicalId: 'X', resourceType: 'AWS::CloudFormation::Stack' }),
      ]),
    ).toEqual([
      { action: 'Add', logicalId: 'Topic', resourceType: 'AWS::SNS::Topic', scope: [], stateful: false },
      {
        action: 'Modify',
        logicalId: 'Db',
        physicalId: 'db-1',
        resourceType: 'AWS::RDS::DBInstance',
        replacement: 'Conditional',
        scope: ['Properties'],
        stateful: true,
      },
      { action: 'Remove', logicalId: 'Old', physicalId: 'old-q', resourceType: 'AWS::SQS::Queue', scope: [], stateful: false },
      { action: 'Dynamic', logicalId: 'X', resourceType: 'AWS::CloudFormation::Stack', scope: [], stateful: false },
    ]);
  });
});

describe('change-set summary', () => {
  it.each<[string, ChangeSetChange[], string]>([
    ['nothing', [], 'No changes'],
    ['two adds', [change({ action: 'Add' }), change({ action: 'Add' })], '2 to add'],
    [
      'every action, with replacements',
      [
        change({ action: 'Add' }),
        change({ action: 'Modify', replacement: 'True' }),
        change({ action: 'Modify', replacement: 'Conditional' }),
        change({ action: 'Modify', replacement: 'False' }),
        change({ action: 'Remove' }),
        change({ action: 'Import' }),
        change({ action: 'Dynamic' }),
      ],
      '1 to add, 3 to change (1 replaced, 1 may be replaced), 1 to remove, 1 to import, 1 decided during the deploy',
    ],
  ])('%s', (_name, changes, headline) => {
    const summary = summarizeChanges(changeRows(changes));
    expect(summary.headline).toBe(headline);
    expect(summary.total).toBe(changes.length);
  });
});

describe('the stateful-resource guardrail', () => {
  it.each<[string, ChangeSetChange, string | undefined]>([
    [
      'replacing a database',
      change({ action: 'Modify', logicalId: 'Db', physicalId: 'db-1', resourceType: 'AWS::RDS::DBInstance', replacement: 'True' }),
      'Db (db-1, AWS::RDS::DBInstance) will be replaced: CloudFormation creates a new one and deletes the old one with its data.',
    ],
    [
      'a table that may be replaced',
      change({ action: 'Modify', logicalId: 'Table', resourceType: 'AWS::DynamoDB::Table', replacement: 'Conditional' }),
      'Table (AWS::DynamoDB::Table) may be replaced, depending on values only known during the deploy; if it is, the old one is deleted with its data.',
    ],
    ['removing a bucket', change({ action: 'Remove', logicalId: 'Bucket', resourceType: 'AWS::S3::Bucket' }), 'Bucket (AWS::S3::Bucket) will be deleted with its data.'],
    [
      'removing a file system with a snapshot policy',
      change({ action: 'Remove', logicalId: 'Files', resourceType: 'AWS::EFS::FileSystem', policyAction: 'Snapshot' }),
      'Files (AWS::EFS::FileSystem) will be deleted after taking a snapshot.',
    ],
    [
      'replacing a cluster with ReplaceAndSnapshot',
      change({ action: 'Modify', logicalId: 'C', resourceType: 'AWS::RDS::DBCluster', replacement: 'True', policyAction: 'ReplaceAndSnapshot' }),
      'C (AWS::RDS::DBCluster) will be replaced: CloudFormation creates a new one and snapshots and deletes the old one.',
    ],
    ['removing a bucket that is retained', change({ action: 'Remove', logicalId: 'B', resourceType: 'AWS::S3::Bucket', policyAction: 'Retain' }), undefined],
    ['replacing with ReplaceAndRetain', change({ action: 'Modify', logicalId: 'B', resourceType: 'AWS::S3::Bucket', replacement: 'True', policyAction: 'ReplaceAndRetain' }), undefined],
    ['modifying a bucket in place', change({ action: 'Modify', logicalId: 'B', resourceType: 'AWS::S3::Bucket', replacement: 'False' }), undefined],
    ['adding a bucket', change({ action: 'Add', logicalId: 'B', resourceType: 'AWS::S3::Bucket' }), undefined],
    ['replacing a stateless queue', change({ action: 'Modify', logicalId: 'Q', resourceType: 'AWS::SQS::Queue', replacement: 'True' }), undefined],
    ['removing a topic', change({ action: 'Remove', logicalId: 'T', resourceType: 'AWS::SNS::Topic' }), undefined],
  ])('%s', (_name, input, message) => {
    const { warnings } = reviewChangeSet([input]);
    expect(warnings.map((warning) => warning.message)).toEqual(message ? [message] : []);
  });

  it('warns once per data-holding resource, in change-set order, with its kind', () => {
    const review = reviewChangeSet([
      change({ action: 'Remove', logicalId: 'Bucket', resourceType: 'AWS::S3::Bucket' }),
      change({ action: 'Add', logicalId: 'Topic', resourceType: 'AWS::SNS::Topic' }),
      change({ action: 'Modify', logicalId: 'Db', resourceType: 'AWS::RDS::DBInstance', replacement: 'True' }),
    ]);
    expect(review.warnings.map((warning) => [warning.logicalId, warning.kind])).toEqual([
      ['Bucket', 'remove'],
      ['Db', 'replace'],
    ]);
    expect(review.summary.headline).toBe('1 to add, 1 to change (1 replaced), 1 to remove');
    expect(ChangeSetReviewSchema.parse(review)).toEqual(review);
  });
});

describe('"no changes", in both forms CloudFormation uses', () => {
  it.each([
    [{ status: 'FAILED', statusReason: "The submitted information didn't contain changes. Submit different information to create a change set." }, true],
    [{ status: 'FAILED', statusReason: 'No updates are to be performed.' }, true],
    [{ status: 'FAILED', statusReason: 'Template format error: Unresolved resource dependencies [X]' }, false],
    [{ status: 'CREATE_COMPLETE', statusReason: "didn't contain changes" }, false],
    [{ status: 'FAILED' }, false],
  ])('change set %j → empty: %s', (changeSet, empty) => {
    expect(isEmptyChangeSet(changeSet)).toBe(empty);
  });

  it('recognises ValidationError "No updates are to be performed.", also wrapped by a gateway', () => {
    const sdkError = Object.assign(new Error('No updates are to be performed.'), { name: 'ValidationError' });
    expect(isNoUpdatesError(sdkError)).toBe(true);
    expect(isNoUpdatesError(new Error('The deploy failed', { cause: sdkError }))).toBe(true);
    expect(isNoUpdatesError(Object.assign(new Error('Stack [x] does not exist'), { name: 'ValidationError' }))).toBe(false);
    expect(isNoUpdatesError('No updates are to be performed.')).toBe(false);
    expect(isNoUpdatesError(undefined)).toBe(false);
  });
});
