import { randomUUID } from 'node:crypto';
import type { ProfileDirectory } from '../../../shared/ports/profile-directory';
import type { SessionAccess } from '../../../shared/ports/session-access';
import type { Ports, Shared } from '../app/composition';
import { ChangeSetPlanner } from './change-set.planner';
import { DeployJournal } from './deploy.journal';
import { DeployRunBoard } from './deploy-run.board';
import { DeployTargetResolver } from './deploy-target.resolver';
import { DeployService } from './deploy.service';
import { DocumentStoreDeployRecipes } from './document-store.deploy-recipes';
import { RecipeBook } from './recipe.book';
import { StackRunner } from './stack.runner';
import { StackWatcher } from './stack.watcher';

/** A pause that keeps a CLI process alive while it waits (unlike the refresh scheduler's unref'd timers). */
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Test deploys: session credentials through the Pick<SessionAccess, 'credentials'> port (SessionService),
 * profiles through ProfileDirectory, recipes in the store, history in the audit log.
 */
export function createDeploy(
  ports: Pick<Ports, 'store' | 'sts' | 'cloudformation' | 's3' | 'clock' | 'logger' | 'pause'>,
  shared: Shared,
  needs: { profiles: ProfileDirectory; sessions: Pick<SessionAccess, 'credentials'>; random?: () => number },
): DeployService {
  const { cloudformation, s3, clock, logger } = ports;
  const resolver = new DeployTargetResolver({ profiles: needs.profiles, sessions: needs.sessions, sts: ports.sts, clock });
  const board = new DeployRunBoard(shared.events);
  const wait = ports.pause ?? pause;
  const watcher = new StackWatcher({ cloudformation, clock, wait, random: needs.random ?? Math.random });
  return new DeployService({
    profiles: needs.profiles,
    resolver,
    planner: new ChangeSetPlanner({ cloudformation, s3, clock, wait }),
    runner: new StackRunner({ resolver, cloudformation, watcher, board, clock }),
    board,
    cloudformation,
    recipes: new RecipeBook({ recipes: new DocumentStoreDeployRecipes(ports.store), clock, logger }),
    journal: new DeployJournal({ audit: shared.audit, clock, logger }),
    clock,
    newId: () => randomUUID(),
  });
}
