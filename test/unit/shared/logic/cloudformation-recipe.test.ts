import { describe, expect, it } from 'vitest';
import type { DeployRecipe, DeployRun } from '../../../../shared/domain/deploy';
import type { TemplateParameter } from '../../../../shared/domain/deploy-template';
import { finishDeployRun, storableParameters, stripNoEchoValues } from '../../../../shared/logic/cloudformation-recipe';

const template: TemplateParameter[] = [
  { name: 'Env', type: 'String', noEcho: false },
  { name: 'DbPassword', type: 'String', noEcho: true },
];

describe('what a recipe may remember', () => {
  it('drops the values of NoEcho parameters and keeps the rest', () => {
    const recipe: DeployRecipe = {
      profileId: 'acme-prod-0001',
      templatePath: '/t.yaml',
      stackName: 's',
      parameters: [
        { key: 'Env', value: 'dev' },
        { key: 'DbPassword', value: 'hunter2' },
      ],
      tags: [],
      updatedAt: 1,
    };
    const stored = stripNoEchoValues(recipe, template);
    expect(stored.parameters).toEqual([{ key: 'Env', value: 'dev' }]);
    expect(JSON.stringify(stored)).not.toContain('hunter2');
    expect(recipe.parameters).toHaveLength(2);
  });

  it('keeps only given, non-secret values of a deploy', () => {
    expect(
      storableParameters(
        [
          { key: 'Env', value: 'dev' },
          { key: 'DbPassword', value: 'hunter2' },
          { key: 'Size', usePreviousValue: true },
        ],
        template,
      ),
    ).toEqual([{ key: 'Env', value: 'dev' }]);
  });
});

describe('closing a history entry', () => {
  it('sets status, end and duration together', () => {
    const run: DeployRun = {
      id: 'r',
      profileId: 'acme-prod-0001',
      operation: 'update',
      stackName: 's',
      region: 'eu-west-1',
      accountId: '123456789012',
      identityArn: 'arn:aws:sts::123456789012:assumed-role/R/me',
      status: 'running',
      startedAt: 10_000,
      changeCount: 3,
    };
    expect(finishDeployRun(run, { status: 'succeeded', endedAt: 72_500, finalStatus: 'UPDATE_COMPLETE' })).toEqual({
      ...run,
      status: 'succeeded',
      endedAt: 72_500,
      durationMs: 62_500,
      finalStatus: 'UPDATE_COMPLETE',
    });
  });
});
