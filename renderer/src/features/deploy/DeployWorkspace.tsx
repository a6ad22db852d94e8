import { useState, type ReactElement } from 'react';
import type { PreparedDeploy } from '../../../../shared/domain/deploy-flow';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import { messageOf } from '../../../../shared/logic/error-message';
import { getApi, useRemote } from '../../api';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { ChangeSetReview } from './ChangeSetReview';
import { DeleteStackDialog } from './DeleteStackDialog';
import { DeployForm, type DeployInputs, type FormStart } from './DeployForm';
import { DeployHistory } from './DeployHistory';
import { RecipeCard } from './RecipeCard';
import { RunPanel } from './RunPanel';
import { TargetBar } from './TargetBar';
import { TemplatePicker } from './TemplatePicker';
import { stackNameFromFile } from './deploy-format';
import { useDeployRun } from './use-deploy-run';
import { useTemplate } from './use-template';

/** Where the deploy stands in this view. */
type Stage =
  | { kind: 'edit' }
  | { kind: 'preparing' }
  | { kind: 'review'; prepared: Extract<PreparedDeploy, { kind: 'review' }>; executing: boolean }
  | { kind: 'up-to-date'; stackName: string; message: string };

const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

interface DeployWorkspaceProps {
  profiles: readonly ProfileView[];
  profileId: string;
  onProfileChange: (profileId: string) => void;
}

/** Everything for one profile: its target, template and form, the review, the run, the history. */
export function DeployWorkspace({ profiles, profileId, onProfileChange }: DeployWorkspaceProps): ReactElement {
  const api = getApi();
  const target = useRemote(() => api.deploy.target({ profileId }), [profileId]);
  const recipe = useRemote(async () => (await api.deploy.recipe({ profileId })).recipe, [profileId]);
  const history = useRemote(async () => (await api.deploy.history({ profileId })).runs, [profileId]);
  const { template, pick } = useTemplate();
  const run = useDeployRun();
  const [stage, setStage] = useState<Stage>({ kind: 'edit' });
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  const targetValue = target.remote.state === 'loaded' ? target.remote.value : null;
  const remembered = recipe.remote.state === 'loaded' ? recipe.remote.value : null;
  const running = run !== null && run.outcome === undefined;
  const shownRun = run && run.target.profileId === profileId ? run : null;

  const refresh = (): void => {
    void history.reload();
    void recipe.reload();
  };
  const prepared = (result: PreparedDeploy): void => {
    setStage(result.kind === 'review' ? { kind: 'review', prepared: result, executing: false } : { kind: 'up-to-date', stackName: result.stackName, message: result.message });
    refresh();
  };
  const attempt = async (action: () => Promise<void>, fallback: Stage): Promise<void> => {
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(messageOf(caught));
      setStage(fallback);
    }
  };

  const submit = (inputs: DeployInputs): void => {
    if (template.state !== 'ready') return;
    setStage({ kind: 'preparing' });
    void attempt(async () => prepared(await api.deploy.prepare({ profileId, template: { text: template.text, source: template.name }, ...inputs })), { kind: 'edit' });
  };
  const again = (): void => {
    setStage({ kind: 'preparing' });
    void attempt(async () => prepared(await api.deploy.rerun({ profileId })), { kind: 'edit' });
  };
  const execute = (): void => {
    if (stage.kind !== 'review') return;
    setStage({ ...stage, executing: true });
    void attempt(async () => {
      await api.deploy.execute({ runId: stage.prepared.runId });
      setStage({ kind: 'edit' });
      refresh();
    }, { kind: 'edit' });
  };
  const discard = (keep: boolean): void => {
    if (stage.kind !== 'review') return;
    void attempt(async () => {
      await api.deploy.discard({ runId: stage.prepared.runId, keep });
      setStage({ kind: 'edit' });
      refresh();
    }, { kind: 'edit' });
  };
  const remove = (stackName: string, confirmAccount: string | undefined): void => {
    setDeleting(null);
    void attempt(async () => {
      await api.deploy.delete({ profileId, stackName, ...(confirmAccount ? { confirmAccount } : {}) });
      refresh();
    }, { kind: 'edit' });
  };

  const sameFile = remembered && template.state === 'ready' && baseName(remembered.templateSource) === template.name;
  const start: FormStart =
    sameFile && remembered
      ? { stackName: remembered.stackName, parameters: remembered.parameters, tags: remembered.tags, ...(remembered.s3Bucket ? { s3Bucket: remembered.s3Bucket } : {}) }
      : { stackName: template.state === 'ready' ? stackNameFromFile(template.name) : '', parameters: [], tags: [] };
  const busy = stage.kind === 'preparing' || running;

  return (
    <div className="deploy">
      <TargetBar
        profiles={profiles}
        profileId={profileId}
        onProfileChange={onProfileChange}
        target={target.remote}
        onRetry={() => void target.reload()}
        locked={stage.kind === 'review' || stage.kind === 'preparing' || running}
      />
      {error ? (
        <div className="banner banner--danger" role="alert" data-testid="deploy-error">
          <Icon name="alert" className="banner__icon" />
          <p className="banner__text">{error}</p>
          <Button onClick={() => setError(null)}>Dismiss</Button>
        </div>
      ) : null}
      {shownRun ? <RunPanel run={shownRun} /> : null}
      {stage.kind === 'review' ? (
        <ChangeSetReview prepared={stage.prepared} busy={stage.executing} onExecute={execute} onKeep={() => discard(true)} onDiscard={() => discard(false)} />
      ) : null}
      {stage.kind === 'up-to-date' ? (
        <p className="deploy-note deploy-note--ok" role="status" data-testid="up-to-date">
          Up to date: {stage.stackName} has nothing to change. <span className="deploy-muted">CloudFormation: {stage.message}</span>
        </p>
      ) : null}
      {remembered && stage.kind !== 'review' ? (
        <RecipeCard recipe={remembered} busy={busy || target.remote.state !== 'loaded'} onDeployAgain={again} onDelete={() => setDeleting(remembered.stackName)} />
      ) : null}
      {/* Hidden, not unmounted, during the review: the values typed are there for the next deploy. */}
      <section className="panel deploy-new" aria-label="New deploy" hidden={stage.kind === 'review'}>
        <TemplatePicker template={template} onPick={(file) => void pick(file)} disabled={busy} />
        {template.state === 'ready' ? (
          <DeployForm key={`${template.name}:${template.text.length}`} summary={template.summary} start={start} target={targetValue} busy={stage.kind === 'preparing'} onSubmit={submit} />
        ) : null}
      </section>
      <DeployHistory runs={history.remote} onRetry={() => void history.reload()} />
      {deleting && targetValue ? (
        <DeleteStackDialog target={targetValue} stackName={deleting} onCancel={() => setDeleting(null)} onDelete={(confirmAccount) => remove(deleting, confirmAccount)} />
      ) : null}
    </div>
  );
}
