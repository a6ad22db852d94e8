import type { ReactElement } from 'react';
import type { RecipeView } from '../../../../shared/domain/deploy-flow';
import { Button } from '../../ui/Button';
import { formatWhen } from './deploy-format';

interface RecipeCardProps {
  recipe: RecipeView;
  busy: boolean;
  onDeployAgain: () => void;
  onDelete: () => void;
}

/** The profile's last deploy, one click from running again into this session, or from being torn down. */
export function RecipeCard({ recipe, busy, onDeployAgain, onDelete }: RecipeCardProps): ReactElement {
  const file = recipe.templateSource.split(/[\\/]/).pop() ?? recipe.templateSource;
  const values = recipe.parameters.map((parameter) => `${parameter.key}=${parameter.value}`).join(', ');
  return (
    <section className="panel deploy-recipe" aria-labelledby="deploy-recipe-title" data-testid="deploy-recipe">
      <h2 id="deploy-recipe-title" className="panel__title">
        Last deploy: <span className="deploy-mono">{recipe.stackName}</span>
      </h2>
      <p className="deploy-muted">
        {file}
        {values ? ` · ${values}` : ''}
        {recipe.tags.length > 0 ? ` · tags ${recipe.tags.map((tag) => `${tag.key}=${tag.value}`).join(', ')}` : ''} · {formatWhen(recipe.updatedAt)}
      </p>
      <div className="deploy-actions">
        <Button variant="primary" onClick={onDeployAgain} disabled={busy || !recipe.summary} data-testid="deploy-again">
          Deploy again
        </Button>
        <Button variant="danger" onClick={onDelete} disabled={busy} data-testid="delete-stack">
          Delete {recipe.stackName}…
        </Button>
        {recipe.summary ? null : <span className="deploy-muted">Choose the template again to deploy it.</span>}
      </div>
    </section>
  );
}
