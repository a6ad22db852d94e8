import type { DeployRecipe } from '../../../shared/domain/deploy';
import type { DeployRequest, DeployTarget, RecipeView } from '../../../shared/domain/deploy-flow';
import type { TemplateSummary } from '../../../shared/domain/deploy-template';
import { storableParameters } from '../../../shared/logic/cloudformation-recipe';
import { analyzeTemplate } from '../../../shared/logic/cloudformation-template';
import type { Clock } from '../../../shared/ports/clock';
import type { DeployRecipes } from '../../../shared/ports/deploy-recipes';
import type { Logger } from '../../../shared/ports/logger';

/**
 * Each profile's last deploy, for "Deploy again": the inputs as given and the template text as it
 * was reviewed, never a NoEcho parameter's value (storableParameters).
 */
export class RecipeBook {
  constructor(private readonly deps: { recipes: DeployRecipes; clock: Clock; logger: Logger }) {}

  /** Saves the deploy as the profile's recipe; a failure is logged (only "Deploy again" misses it). Never rejects. */
  async remember(request: DeployRequest, target: DeployTarget, summary: TemplateSummary): Promise<void> {
    const extra = request.capabilities.filter((capability) => !summary.capabilities.includes(capability));
    try {
      await this.deps.recipes.save({
        profileId: target.profileId,
        templatePath: request.template.source,
        templateBody: request.template.text,
        stackName: request.stackName,
        ...(request.region ? { region: request.region } : {}),
        parameters: storableParameters(request.parameters, summary.parameters),
        tags: request.tags,
        ...(request.s3Bucket ? { s3Bucket: request.s3Bucket } : {}),
        ...(extra.length > 0 ? { capabilities: extra } : {}),
        updatedAt: this.deps.clock.now(),
      });
    } catch (error) {
      this.deps.logger.warn('could not remember the deploy recipe', { profileId: target.profileId, error });
    }
  }

  get(profileId: string): Promise<DeployRecipe | undefined> {
    return this.deps.recipes.get(profileId);
  }

  /** What the window shows of the recipe, its template analysed; null when the profile never deployed. */
  async view(profileId: string): Promise<RecipeView | null> {
    const recipe = await this.deps.recipes.get(profileId);
    if (!recipe) return null;
    const analysis = recipe.templateBody === undefined ? undefined : analyzeTemplate(recipe.templateBody);
    return {
      templateSource: recipe.templatePath,
      stackName: recipe.stackName,
      ...(recipe.region ? { region: recipe.region } : {}),
      parameters: recipe.parameters,
      tags: recipe.tags,
      ...(recipe.s3Bucket ? { s3Bucket: recipe.s3Bucket } : {}),
      capabilities: recipe.capabilities ?? [],
      updatedAt: recipe.updatedAt,
      ...(analysis?.ok ? { summary: analysis.summary } : {}),
    };
  }
}
