import type { DeployRecipe, DeployRun, DeployRunStatus, ParameterValue } from '../domain/deploy';
import type { TemplateParameter } from '../domain/deploy-template';

/**
 * The saved form of a deploy and its history entry. NoEcho parameters are the template's way of
 * saying "this is a secret" (CloudFormation masks them as ****), so their values never reach the
 * stored recipe: the user types them again, or the stack keeps its previous value on update.
 */

function noEchoNames(parameters: readonly TemplateParameter[]): Set<string> {
  return new Set(parameters.filter((parameter) => parameter.noEcho).map((parameter) => parameter.name));
}

/** The recipe without the values of the template's NoEcho parameters. */
export function stripNoEchoValues(recipe: DeployRecipe, parameters: readonly TemplateParameter[]): DeployRecipe {
  const secret = noEchoNames(parameters);
  return { ...recipe, parameters: recipe.parameters.filter((parameter) => !secret.has(parameter.key)) };
}

/** The values of a deploy that may be remembered: given values (not UsePreviousValue), not NoEcho. */
export function storableParameters(
  values: readonly ParameterValue[],
  parameters: readonly TemplateParameter[],
): Array<{ key: string; value: string }> {
  const secret = noEchoNames(parameters);
  return values.flatMap((value) => ('value' in value && !secret.has(value.key) ? [{ key: value.key, value: value.value }] : []));
}

/** Closes a history entry: status, end time and duration in one step, so they always agree. */
export function finishDeployRun(
  run: DeployRun,
  end: { status: Exclude<DeployRunStatus, 'running'>; endedAt: number; finalStatus?: string; failure?: string },
): DeployRun {
  return {
    ...run,
    status: end.status,
    endedAt: end.endedAt,
    durationMs: Math.max(0, end.endedAt - run.startedAt),
    ...(end.finalStatus !== undefined ? { finalStatus: end.finalStatus } : {}),
    ...(end.failure !== undefined ? { failure: end.failure } : {}),
  };
}
