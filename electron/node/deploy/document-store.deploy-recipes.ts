import type { DeployRecipe } from '../../../shared/domain/deploy';
import type { DeployRecipes } from '../../../shared/ports/deploy-recipes';
import type { DocumentStore } from '../../../shared/ports/document-store';

/**
 * Recipes in the encrypted profile store (`deployRecipes`, one per profile), under the same
 * cross-process lock as everything else, so a deploy from the CLI and one from the app never
 * lose each other's.
 */
export class DocumentStoreDeployRecipes implements DeployRecipes {
  constructor(private readonly store: DocumentStore) {}

  async get(profileId: string): Promise<DeployRecipe | undefined> {
    return (await this.store.read()).deployRecipes.find((recipe) => recipe.profileId === profileId);
  }

  async save(recipe: DeployRecipe): Promise<void> {
    await this.store.update((doc) => {
      doc.deployRecipes = [...doc.deployRecipes.filter((entry) => entry.profileId !== recipe.profileId), recipe];
    });
  }
}
