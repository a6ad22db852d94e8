import type { DeployRecipe } from '../domain/deploy';

/**
 * Where each profile's last test deploy is remembered, for "Deploy again". Recipes never hold a
 * NoEcho parameter's value (`stripNoEchoValues`); the adapter keeps them in the encrypted store.
 */
export interface DeployRecipes {
  /** The profile's recipe, or undefined when it never deployed. */
  get(profileId: string): Promise<DeployRecipe | undefined>;
  /** Replaces the profile's recipe. */
  save(recipe: DeployRecipe): Promise<void>;
}
