import type { HandlersFor } from '../ipc/router';
import type { DeployService } from './deploy.service';

export type DeployChannel =
  | 'deploy.analyze'
  | 'deploy.target'
  | 'deploy.prepare'
  | 'deploy.rerun'
  | 'deploy.execute'
  | 'deploy.discard'
  | 'deploy.delete'
  | 'deploy.recipe'
  | 'deploy.history'
  | 'deploy.current';

/** Test deploys from the window; session credentials stay on the main side. */
export function createDeployHandlers(services: { deploy: DeployService }): HandlersFor<DeployChannel> {
  const { deploy } = services;
  return {
    'deploy.analyze': ({ text }) => deploy.analyze(text),
    'deploy.target': ({ profileId, region }) => deploy.target(profileId, region),
    'deploy.prepare': (request) => deploy.prepare(request),
    'deploy.rerun': ({ profileId, parameters, confirmAccount }) => deploy.rerun(profileId, { ...(parameters ? { parameters } : {}), confirmAccount }),
    'deploy.execute': ({ runId }) => deploy.execute(runId),
    'deploy.discard': ({ runId, keep }) => deploy.discard(runId, { keep }),
    'deploy.delete': (request) => deploy.deleteStack(request),
    'deploy.recipe': async ({ profileId }) => ({ recipe: await deploy.recipe(profileId) }),
    'deploy.history': async ({ profileId }) => ({ runs: await deploy.history(profileId) }),
    'deploy.current': () => ({ run: deploy.current() }),
  };
}
