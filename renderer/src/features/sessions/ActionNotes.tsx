import type { ReactElement } from 'react';
import type { TestAccessResult } from '../../../../shared/domain/session';
import { Icon } from '../../ui/Icon';
import { testAccessSummary } from './session-format';
import type { ActionOutcome } from './use-session-actions';
import type { CopyNote } from './use-session-work';

/** What Test access found: the identity on success, the likely cause and AWS's own words on failure. */
export function TestAccessNote({ result, profileName }: { result: TestAccessResult; profileName: string }): ReactElement {
  const summary = testAccessSummary(result);
  return (
    <div className={`action-note action-note--${summary.tone}`} data-testid="test-access-result" aria-label={`Test access for ${profileName}`} role="group">
      {summary.tone === 'ok' ? <Icon name="check-circle" className="action-note__icon" /> : <Icon name="alert" className="action-note__icon" />}
      <div className="action-note__text">
        <p className="action-note__title">{summary.title}</p>
        <p className="action-note__detail">{summary.detail}</p>
        {summary.aws ? <p className="action-note__aws">{summary.aws}</p> : null}
        {!result.ok && result.chain.length > 1 ? <p className="action-note__aws">Chain: {result.chain.join(' → ')}</p> : null}
      </div>
    </div>
  );
}

/** The end of the last action on a profile: a cancelled MFA prompt, a failed refresh, the console opened … */
export function OutcomeNote({ outcome, onDismiss }: { outcome: ActionOutcome; onDismiss: () => void }): ReactElement {
  return (
    <div className={`action-note action-note--${outcome.tone}`} data-testid="session-outcome">
      <Icon name={outcome.tone === 'ok' ? 'check-circle' : 'alert'} className="action-note__icon" />
      <div className="action-note__text">
        <p className="action-note__detail">{outcome.text}</p>
        {outcome.code ? <p className="action-note__aws">Code: {outcome.code}</p> : null}
      </div>
      <button type="button" className="button action-note__dismiss" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/**
 * What the last copy came to ("Copied for fish — clears from the clipboard at 14:32"). The live
 * region is always there, empty until a copy ends, so the sentence is announced when it appears.
 */
export function CopyStatus({ note }: { note: CopyNote | undefined }): ReactElement {
  return (
    <p className={`copy-status${note ? ` copy-status--${note.tone}` : ''}`} role="status" data-testid="copy-status">
      {note?.tone === 'ok' ? <Icon name="check-circle" className="action-note__icon" /> : null}
      {note?.tone === 'danger' ? <Icon name="alert" className="action-note__icon" /> : null}
      {note ? <span>{note.text}</span> : null}
    </p>
  );
}
