import { RoledeckError } from '../../../shared/contract/errors';
import type { AwsCredentials } from '../../../shared/domain/aws';
import type { DeployRun, ParameterValue } from '../../../shared/domain/deploy';
import type {
  DeployOutcome,
  DeployRequest,
  DeployRunView,
  DeployTarget,
  PreparedDeploy,
  RecipeView,
} from '../../../shared/domain/deploy-flow';
import type { ChangeSetReview } from '../../../shared/domain/deploy-change-set';
import type { Capability, TemplateSummary } from '../../../shared/domain/deploy-template';
import { mergeParameterValues } from '../../../shared/logic/cloudformation-parameter-input';
import { checkParameterValues, stackNameProblem } from '../../../shared/logic/cloudformation-parameter-rules';
import { planTemplateUpload } from '../../../shared/logic/cloudformation-template-size';
import { analyzeTemplate, type TemplateAnalysis } from '../../../shared/logic/cloudformation-template';
import { requireProfile } from '../../../shared/logic/profile-lookup';
import type { Clock } from '../../../shared/ports/clock';
import type { CloudFormationGateway } from '../../../shared/ports/cloudformation-gateway';
import type { ProfileDirectory } from '../../../shared/ports/profile-directory';
import type { ChangeSetPlanner } from './change-set.planner';
import type { DeployJournal } from './deploy.journal';
import type { DeployRunBoard, RunListener } from './deploy-run.board';
import { requireTypedAccount, type DeployTargetResolver } from './deploy-target.resolver';
import type { RecipeBook } from './recipe.book';
import type { RunSpec, StackRunner } from './stack.runner';

/** A change set created and waiting for the person's decision. */
interface Pending {
  runId: string;
  target: DeployTarget;
  stackName: string;
  stackId: string;
  changeSetName: string;
  operation: 'create' | 'update';
  review: ChangeSetReview;
  summary: TemplateSummary;
  startedAt: number;
  credentials: AwsCredentials;
  baseline: string[];
  /** Saving the recipe, started with the review and awaited before the run is reported. */
  remembered: Promise<void>;
}

/** Events read while the change set was made still describe the stack this soon after: no new read. */
const BASELINE_REUSE_MS = 30_000;

export interface DeployServiceDeps {
  profiles: ProfileDirectory;
  resolver: DeployTargetResolver;
  planner: ChangeSetPlanner;
  runner: StackRunner;
  board: DeployRunBoard;
  cloudformation: CloudFormationGateway;
  recipes: RecipeBook;
  journal: DeployJournal;
  clock: Clock;
  newId: () => string;
}

/** Hooks for a caller that prints as it goes (the CLI): the target before anything runs, then each update. */
export interface DeployHooks {
  onTarget?: (target: DeployTarget) => void;
  onUpdate?: RunListener;
  /** The outcome as soon as the stack settled, before the history is written (the CLI prints it then). */
  onOutcome?: (outcome: DeployOutcome) => void;
  /** Asked once the stack to delete is found, before it is deleted; false leaves it alone. */
  confirm?: (target: DeployTarget) => Promise<boolean>;
}

/** The template's problem as a refusal: where it is (line and column) and what to do. */
function checkedTemplate(text: string): TemplateSummary {
  const analysis = analyzeTemplate(text);
  if (!analysis.ok) throw new RoledeckError('VALIDATION', analysis.problem.message);
  return analysis.summary;
}

/** Every capability the template needs must be acknowledged; CAPABILITY_NAMED_IAM covers CAPABILITY_IAM. */
function requireAcknowledged(summary: TemplateSummary, given: readonly Capability[]): void {
  const has = new Set(given);
  const missing = summary.capabilityNeeds.filter(
    (need) => !has.has(need.capability) && !(need.capability === 'CAPABILITY_IAM' && has.has('CAPABILITY_NAMED_IAM')),
  );
  if (missing.length === 0) return;
  const lines = missing.map((need) => `${need.capability}: it ${need.reason}`);
  throw new RoledeckError('VALIDATION', `Acknowledge what this template does before it is deployed:\n${lines.join('\n')}`);
}

/**
 * One-click test deploys, change set first: `prepare` shows the target and creates the change set
 * (or says the stack is up to date), `execute` runs it and streams its events until the stack
 * settles, `discard` deletes or keeps it; `deleteStack` tears a test stack down. Each profile
 * remembers its last deploy (NoEcho values left out) and every finished run goes to the audit log
 * with the identity that ran it.
 */
export class DeployService {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly deps: DeployServiceDeps) {}

  /** The template as the form needs it; a problem is an answer here, not an error. */
  analyze(text: string): TemplateAnalysis {
    return analyzeTemplate(text);
  }

  /** Where a deploy with this profile goes (may ask for an MFA code, through the broker). */
  async target(profileRef: string, region?: string): Promise<DeployTarget> {
    return (await this.deps.resolver.resolve(profileRef, region)).target;
  }

  async prepare(request: DeployRequest, hooks: DeployHooks = {}): Promise<PreparedDeploy> {
    // Everything the template and the inputs can say is checked before any AWS call.
    const summary = checkedTemplate(request.template.text);
    const nameProblem = stackNameProblem(request.stackName);
    if (nameProblem) throw new RoledeckError('VALIDATION', nameProblem);
    requireAcknowledged(summary, request.capabilities);
    // Values against the template's rules now; which ones may be left out depends on whether the
    // stack exists, so the planner checks again once it knows.
    const values = checkParameterValues(summary.parameters, request.parameters, {
      operation: 'update',
      existingParameters: summary.parameters.map((parameter) => parameter.name),
    });
    if (!values.ok) throw new RoledeckError('VALIDATION', values.problems.map((problem) => problem.message).join('\n'));
    const upload = planTemplateUpload(summary.sizeBytes, request.s3Bucket);
    if (upload.kind === 'needs-bucket' || upload.kind === 'too-large') throw new RoledeckError('VALIDATION', upload.message);

    const { target, credentials } = await this.deps.resolver.resolve(request.profileId, request.region);
    hooks.onTarget?.(target);
    requireTypedAccount(target, request.confirmAccount, `deploying ${request.stackName}`);
    const startedAt = this.deps.clock.now();
    const capabilities = [...new Set([...summary.capabilities, ...request.capabilities])];
    const plan = await this.deps.planner.plan({
      credentials,
      region: target.region,
      identityArn: target.identityArn,
      summary,
      text: request.template.text,
      stackName: request.stackName,
      parameters: request.parameters,
      tags: request.tags,
      capabilities,
      s3Bucket: request.s3Bucket,
    });
    // Written while the person reviews (or the CLI executes); remember() never rejects.
    const remembered = this.deps.recipes.remember(request, target, summary);
    const runId = this.deps.newId();
    if (plan.kind === 'no-changes') {
      await remembered;
      await this.deps.journal.record({ runId, target, stackName: request.stackName, operation: 'update', startedAt, changeCount: 0, ...(plan.stackId ? { stackId: plan.stackId } : {}) }, 'no-changes');
      return { kind: 'no-changes', target, stackName: request.stackName, message: plan.message };
    }
    this.pending.set(runId, {
      runId,
      target,
      stackName: request.stackName,
      stackId: plan.stackId,
      changeSetName: plan.changeSetName,
      operation: plan.operation,
      review: plan.review,
      summary,
      startedAt,
      credentials,
      baseline: plan.baseline,
      remembered,
    });
    return {
      kind: 'review',
      runId,
      target,
      stackName: request.stackName,
      operation: plan.operation,
      changeSetName: plan.changeSetName,
      review: plan.review,
      capabilities,
      ...(plan.templateUrl ? { templateUrl: plan.templateUrl } : {}),
      notes: summary.notes,
    };
  }

  /** Executes a reviewed change set and follows it to the end. */
  async execute(runId: string, hooks: DeployHooks = {}): Promise<DeployOutcome> {
    const pending = this.take(runId);
    const { target, stackName, changeSetName } = pending;
    const total = pending.operation === 'create' ? pending.summary.resourceCount : pending.review.summary.total;
    const recent = this.deps.clock.now() - pending.startedAt < BASELINE_REUSE_MS;
    try {
      return await this.runAndRecord(
        {
          runId,
          target,
          stackName,
          stackId: pending.stackId,
          operation: pending.operation,
          total,
          changeCount: pending.review.summary.total,
          credentials: pending.credentials,
          ...(recent ? { baseline: pending.baseline } : {}),
        },
        (credentials) => this.deps.cloudformation.executeChangeSet(credentials, target.region, { stackName, changeSetName }),
        hooks,
      );
    } finally {
      await pending.remembered;
    }
  }

  /**
   * Not executing: `keep` leaves the change set for later (the console, or another look); else it
   * goes, and a stack that only existed for it (REVIEW_IN_PROGRESS) goes with it.
   */
  async discard(runId: string, options: { keep: boolean }): Promise<{ status: 'kept' | 'cancelled' }> {
    const pending = this.take(runId);
    await pending.remembered;
    const status = options.keep ? 'kept' : 'cancelled';
    if (!options.keep) {
      const { region } = pending.target;
      const credentials = await this.deps.resolver.credentials(pending.target, pending.credentials);
      const stack = await this.deps.cloudformation.describeStack(credentials, region, pending.stackId);
      if (stack?.status === 'REVIEW_IN_PROGRESS') await this.deps.cloudformation.deleteStack(credentials, region, pending.stackId);
      else await this.deps.cloudformation.deleteChangeSet(credentials, region, { stackName: pending.stackName, changeSetName: pending.changeSetName });
    }
    const { runId: id, target, stackName, stackId, operation } = pending;
    await this.deps.journal.record({ runId: id, target, stackName, stackId, operation, changeCount: pending.review.summary.total, startedAt: this.deps.clock.now() }, status);
    return { status };
  }

  /** Deletes a test stack and follows the delete to the end. */
  async deleteStack(
    request: { profileId: string; stackName: string; region?: string | undefined; confirmAccount?: string | undefined },
    hooks: DeployHooks = {},
  ): Promise<DeployOutcome> {
    const nameProblem = stackNameProblem(request.stackName);
    if (nameProblem) throw new RoledeckError('VALIDATION', nameProblem);
    const { target, credentials } = await this.deps.resolver.resolve(request.profileId, request.region);
    hooks.onTarget?.(target);
    requireTypedAccount(target, request.confirmAccount, `deleting ${request.stackName}`);
    const { cloudformation } = this.deps;
    const stack = await cloudformation.describeStack(credentials, target.region, request.stackName);
    if (!stack) {
      throw new RoledeckError('NOT_FOUND', `There is no stack named ${request.stackName} in account ${target.accountId} (${target.region}). Nothing was deleted.`);
    }
    const resources = await cloudformation.listStackResources(credentials, target.region, stack.stackId);
    if (hooks.confirm && !(await hooks.confirm(target))) {
      return { runId: '', operation: 'delete', stackName: request.stackName, stackId: stack.stackId, status: 'cancelled', outputs: [], durationMs: 0, changeCount: 0 };
    }
    return this.runAndRecord(
      { runId: this.deps.newId(), target, stackName: request.stackName, stackId: stack.stackId, operation: 'delete', total: resources.length, changeCount: resources.length, credentials },
      (fresh) => cloudformation.deleteStack(fresh, target.region, stack.stackId),
      hooks,
    );
  }

  /** The profile's remembered deploy, its template analysed; null when it never deployed. */
  async recipe(profileRef: string): Promise<RecipeView | null> {
    return this.deps.recipes.view(await this.profileId(profileRef));
  }

  /**
   * "Deploy again": the profile's last deploy, as it was reviewed, into its session now. NoEcho
   * values were never stored: on an update the stack keeps its own, on a create they are asked for.
   */
  async rerun(
    profileRef: string,
    overrides: { parameters?: readonly ParameterValue[]; confirmAccount?: string | undefined } = {},
    hooks: DeployHooks = {},
  ): Promise<PreparedDeploy> {
    const profile = requireProfile((await this.deps.profiles.read()).profiles, profileRef);
    const recipe = await this.deps.recipes.get(profile.id);
    if (!recipe?.templateBody) {
      throw new RoledeckError('NOT_FOUND', `${profile.name} has no deploy to run again yet. Choose a template and deploy it once.`);
    }
    const summary = checkedTemplate(recipe.templateBody);
    return this.prepare(
      {
        profileId: profile.id,
        template: { text: recipe.templateBody, source: recipe.templatePath },
        stackName: recipe.stackName,
        parameters: mergeParameterValues(recipe.parameters, overrides.parameters ?? []),
        tags: recipe.tags,
        // Acknowledged when this recipe was first deployed: the same template needs the same.
        capabilities: [...new Set([...summary.capabilities, ...(recipe.capabilities ?? [])])],
        ...(recipe.s3Bucket ? { s3Bucket: recipe.s3Bucket } : {}),
        ...(recipe.region ? { region: recipe.region } : {}),
        ...(overrides.confirmAccount !== undefined ? { confirmAccount: overrides.confirmAccount } : {}),
      },
      hooks,
    );
  }

  /** The profile's deploys, newest first, from the audit log. */
  async history(profileRef: string): Promise<DeployRun[]> {
    return this.deps.journal.list(await this.profileId(profileRef));
  }

  /** The run in flight or the last one, for a window that opens mid-run. */
  current(): DeployRunView | null {
    return this.deps.board.snapshot();
  }

  /** Runs the stack operation; the history gets its outcome, or the AWS error that stopped it. */
  private async runAndRecord(spec: RunSpec, start: (credentials: AwsCredentials) => Promise<void>, hooks: DeployHooks): Promise<DeployOutcome> {
    const record = (status: 'succeeded' | 'failed', startedAt: number, detail: { finalStatus?: string; failure?: string }) =>
      this.deps.journal.record({ ...spec, startedAt, ...detail }, status);
    const began = this.deps.clock.now();
    try {
      const { startedAt, ...outcome } = await this.deps.runner.run(spec, start, hooks.onUpdate);
      hooks.onOutcome?.(outcome);
      await record(outcome.status === 'succeeded' ? 'succeeded' : 'failed', startedAt, {
        ...(outcome.finalStatus ? { finalStatus: outcome.finalStatus } : {}),
        ...(outcome.failureText ? { failure: outcome.failureText } : {}),
      });
      return outcome;
    } catch (error) {
      await record('failed', began, { failure: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }

  private async profileId(profileRef: string): Promise<string> {
    return requireProfile((await this.deps.profiles.read()).profiles, profileRef).id;
  }

  private take(runId: string): Pending {
    const pending = this.pending.get(runId);
    if (!pending) {
      throw new RoledeckError('NOT_FOUND', 'That change set is no longer waiting here (it was executed, discarded, or the app restarted). Create it again.');
    }
    this.pending.delete(runId);
    return pending;
  }
}
