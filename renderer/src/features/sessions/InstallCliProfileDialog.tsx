import { Fragment, useEffect, useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import { ApiError, getApi } from '../../api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { awsConfigHeader, awsProfileNameError, conflictText, installChangeText, installCheckText, type InstallResult } from './install-cli-profile';
import type { InstallTarget } from './use-session-work';
import { messageOf } from '../../../../shared/logic/error-message';
import { MessageText } from '../../ui/MessageText';
import { claimFocus, nextFocusRequest } from '../../ui/field-focus';

/**
 * A command line that wraps only between its words: a break inside `--id` or a path would show a
 * command that reads differently from the one written. Selecting and copying it gives the same text.
 */
function CommandText({ text }: { text: string }): ReactElement {
  const words = text.split(' ');
  return (
    <>
      {words.map((word, index) => (
        <Fragment key={index}>
          {index > 0 ? ' ' : null}
          <span className="command-word">{word}</span>
        </Fragment>
      ))}
    </>
  );
}

/** A refusal that belongs to no field, under the form; it takes focus when nothing else did. */
function FailureNote({ message, focusRequest }: { message: string | null; focusRequest: number }): ReactElement | null {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) claimFocus(focusRequest, ref.current);
  }, [message, focusRequest]);
  return message ? (
    <p className="form__error" role="alert" tabIndex={-1} ref={ref}>
      <MessageText text={message} />
    </p>
  ) : null;
}

type Phase =
  | { kind: 'form' }
  /** A section of that name was written by hand: say so, and offer to replace it. */
  | { kind: 'conflict'; message: string }
  | { kind: 'done'; result: InstallResult };

interface InstallCliProfileDialogProps {
  target: InstallTarget;
  onClose: () => void;
}

/**
 * Installs a session's profile into ~/.aws/config as a credential_process profile, so the AWS
 * CLI and SDKs ask Roledeck for credentials. The main side does the edit (only Roledeck's section
 * changes, a backup comes first); this dialog says that up front, then shows exactly what happened.
 */
export function InstallCliProfileDialog({ target, onClose }: InstallCliProfileDialogProps): ReactElement {
  const formId = useId();
  const [name, setName] = useState(target.profileName);
  const [touched, setTouched] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  /** The main side's refusal of the name itself (IpcError.field 'awsProfile'), shown at the field. */
  const [nameRefusal, setNameRefusal] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const replaceRef = useRef<HTMLButtonElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);

  const trimmed = name.trim();
  const nameError = awsProfileNameError(trimmed);
  const header = nameError ? '[profile …]' : awsConfigHeader(trimmed);

  // The button that was pressed goes away with the phase: focus moves to the one that replaces it.
  useEffect(() => {
    if (phase.kind === 'conflict') replaceRef.current?.focus();
    if (phase.kind === 'done') doneRef.current?.focus();
  }, [phase.kind]);

  const install = async (force: boolean): Promise<void> => {
    setTouched(true);
    if (busy) return;
    if (nameError) {
      setFocusRequest(nextFocusRequest());
      return;
    }
    setBusy(true);
    setFailure(null);
    setNameRefusal(null);
    try {
      const result = await getApi().sessions.installCliProfile({ profileId: target.profileId, awsProfile: trimmed, ...(force ? { force: true } : {}) });
      setPhase({ kind: 'done', result });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') setPhase({ kind: 'conflict', message: conflictText(error.message) });
      else if (error instanceof ApiError && error.field === 'awsProfile') setNameRefusal(messageOf(error));
      else setFailure(messageOf(error));
      setFocusRequest(nextFocusRequest());
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void install(phase.kind === 'conflict');
  };

  if (phase.kind === 'done') {
    const { result } = phase;
    return (
      <Dialog
        title="Install as AWS CLI profile"
        description={`For ${target.profileName}`}
        onClose={onClose}
        testId="install-cli-dialog"
        footer={
          <button type="button" className="button button--primary" ref={doneRef} onClick={onClose}>
            Done
          </button>
        }
      >
        <div className="install-result" data-testid="install-result">
          <div className={`install-result__title install-result__title--${result.check.works ? 'ok' : 'warn'}`}>
            <p role="status">{installChangeText(result)}</p>
            <p className="install-result__check" data-testid="install-check" role={result.check.works ? undefined : 'alert'}>
              {installCheckText(result.check)}
            </p>
          </div>
          {result.warning ? (
            <div className="notice notice--warn" role="alert" data-testid="install-warning">
              <MessageText text={result.warning} />
            </div>
          ) : null}
          <dl className="facts install-result__facts">
            <div className="facts__row">
              <dt>File</dt>
              <dd className="sessions-mono">{result.path}</dd>
            </div>
            <div className="facts__row">
              <dt>Backup</dt>
              <dd className={result.backupPath ? 'sessions-mono' : undefined}>
                {result.backupPath ?? 'None written this time: Roledeck backs a file up once, before its first edit of it.'}
              </dd>
            </div>
            <div className="facts__row">
              <dt>Command</dt>
              <dd className="sessions-mono">
                <CommandText text={`credential_process = ${result.command}`} />
              </dd>
            </div>
          </dl>
          <p className="install-result__try">
            Try it in a terminal:{' '}
            <code>
              <CommandText text={`aws sts get-caller-identity --profile ${result.awsProfile}`} />
            </code>
          </p>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Install as AWS CLI profile"
      description={`For ${target.profileName}: the AWS CLI and SDKs will get its credentials from Roledeck, fresh each time.`}
      onClose={onClose}
      testId="install-cli-dialog"
      unsaved={() => !busy && name !== target.profileName}
      footer={(close) => (
        <>
          <Button onClick={close}>Cancel</Button>
          {phase.kind === 'conflict' ? (
            // A plain button for the ref: focus moves here when the conflict appears.
            <button type="submit" form={formId} className="button button--danger" disabled={busy} aria-busy={busy || undefined} ref={replaceRef}>
              {busy ? 'Replacing…' : 'Replace it (a backup is kept)'}
            </button>
          ) : (
            <Button type="submit" form={formId} variant="primary" busy={busy}>
              {busy ? 'Installing…' : 'Install'}
            </Button>
          )}
        </>
      )}
    >
      <form id={formId} className="install-form" onSubmit={onSubmit} noValidate>
        <Field
          label="AWS profile name"
          required
          error={(touched || name !== target.profileName ? nameError : null) ?? nameRefusal}
          focusRequest={focusRequest}
          hint={
            <>
              Use it as <code>--profile {nameError ? '…' : trimmed}</code> or <code>AWS_PROFILE={nameError ? '…' : trimmed}</code>.
            </>
          }
        >
          {(control) => (
            <input
              {...control}
              className="input input--mono"
              value={name}
              autoComplete="off"
              spellCheck={false}
              data-autofocus
              onChange={(event) => {
                setName(event.currentTarget.value);
                // Another name is the other way out of a conflict.
                if (phase.kind === 'conflict') setPhase({ kind: 'form' });
                setFailure(null);
                setNameRefusal(null);
              }}
            />
          )}
        </Field>
        <ul className="install-form__facts" aria-label="What will be written">
          <li>
            A <code>{header}</code> section with <code>credential_process</code> in <code>~/.aws/config</code> (or the file{' '}
            <code>AWS_CONFIG_FILE</code> names).
          </li>
          <li>Nothing else in the file changes; a backup of the file is kept before Roledeck first edits it.</li>
          <li>
            The AWS CLI and SDKs run <code>roledeck credential-process</code>, named by its full path (the <code>roledeck</code> on your PATH,
            else the one this copy of Roledeck carries), so it works from any terminal or IDE. Roledeck runs the line once to check it.
          </li>
        </ul>
        {phase.kind === 'conflict' ? (
          <div className="notice notice--warn" role="alert" data-testid="install-conflict">
            <MessageText text={phase.message} />
          </div>
        ) : null}
        <FailureNote message={failure} focusRequest={focusRequest} />
      </form>
    </Dialog>
  );
}
