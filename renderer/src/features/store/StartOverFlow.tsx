import { lazy, Suspense, useState, type ReactElement } from 'react';
import type { StoreResetResult, StoreStatus } from '../../../../shared/domain/store-status';
import { messageOf } from '../../../../shared/logic/error-message';
import { getApi } from '../../api';
import { Button } from '../../ui/Button';
import { ConfirmFooter } from '../../ui/ConfirmFooter';
import { Dialog } from '../../ui/Dialog';
import './store.css';
import { FormError } from '../../ui/FormError';

const ImportDialog = lazy(() => import('../accounts/ImportDialog'));

interface StartOverFlowProps {
  /** What the store looks like now (null while unknown): says how many profiles are left behind. */
  status: StoreStatus | null;
  onClose: () => void;
  /** The store started over: every view reloads. */
  onReset: (result: StoreResetResult) => void;
  /** Profiles were imported after starting over: show them. */
  onImported: () => void;
}

function profilesLost(status: StoreStatus | null): string {
  if (status?.state === 'ok') return `Your ${status.profiles ?? 0} ${status.profiles === 1 ? 'profile' : 'profiles'} (IAM users and roles) and customers`;
  return 'Every profile (IAM users and roles) and customer in it: Roledeck cannot read them now';
}

/**
 * Start over, in three steps: a confirmation that names what is lost and what stays, the result
 * (where the old file went), then Import from ~/.aws to bring profiles back.
 */
export function StartOverFlow({ status, onClose, onReset, onImported }: StartOverFlowProps): ReactElement {
  const [step, setStep] = useState<{ kind: 'confirm' } | { kind: 'done'; result: StoreResetResult } | { kind: 'import' }>({ kind: 'confirm' });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const reset = async (): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await getApi().store.reset({ confirmed: true });
      setStep({ kind: 'done', result });
      onReset(result);
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  if (step.kind === 'import') {
    return (
      <Suspense fallback={null}>
        <ImportDialog onClose={onClose} onImported={onImported} />
      </Suspense>
    );
  }

  if (step.kind === 'done') {
    const { result } = step;
    return (
      <Dialog
        title="Started over"
        description="Roledeck has an empty profile list now."
        size="sm"
        onClose={onClose}
        testId="start-over-done"
        footer={
          <>
            <Button onClick={onClose}>Not now</Button>
            <Button variant="primary" onClick={() => setStep({ kind: 'import' })} data-autofocus>
              Import from ~/.aws…
            </Button>
          </>
        }
      >
        <div className="start-over">
          {result.setAsideAs ? (
            <p className="dialog__text">
              The old store was moved to <code className="store-path">{result.setAsideAs}</code>. It is kept as it was: if its
              keychain item comes back, it can be restored.
            </p>
          ) : null}
          <p className="dialog__text">
            Bring your profiles back from your AWS config files: Import reads <code>~/.aws</code> and shows what it would create
            before anything changes.
          </p>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Start over with an empty profile list?"
      description="Roledeck moves your profile store aside and starts an empty one."
      size="sm"
      onClose={onClose}
      testId="start-over-dialog"
      footer={<ConfirmFooter label="Start over" busyLabel="Starting over…" busy={busy} onCancel={onClose} onConfirm={() => void reset()} />}
    >
      <div className="start-over">
        <div>
          <h3 className="start-over__heading">Roledeck will no longer have</h3>
          <ul className="start-over__list" aria-label="What is lost">
            <li>{profilesLost(status)}</li>
            <li>Your settings: allowed role names, clipboard and export preferences</li>
            <li>Your history of recent actions</li>
          </ul>
        </div>
        <div>
          <h3 className="start-over__heading">Kept</h3>
          <ul className="start-over__list" aria-label="What is kept">
            <li>
              The old file{status ? <> (<code className="store-path">{status.location}</code>)</> : null}, moved aside under a
              new name and never deleted
            </li>
            <li>Secrets in your OS keychain: IAM user keys and cached sessions</li>
            <li>
              Your <code>~/.aws</code> files: you can import from them right after
            </li>
          </ul>
        </div>
      </div>
      <FormError message={failure} />
    </Dialog>
  );
}
