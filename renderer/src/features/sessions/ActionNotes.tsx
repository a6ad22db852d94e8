import type { ReactElement } from 'react';
import type { TestAccessResult } from '../../../../shared/domain/session';
import { Icon } from '../../ui/Icon';
import { testAccessSummary } from './session-format';
import type { ActionOutcome } from './use-session-actions';
import type { CopyNote } from './use-session-work';
import { copyStatusText } from '../../../../shared/logic/export-format';
import type { ExportFormat } from '../../../../shared/logic/shell-export';

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
 * What the last copy came to ("Copied for fish — clears from the clipboard at 14:32"), said again
 * as the clock passes the clear time and the expiry. The live region is always there, empty until
 * a copy ends, so the sentence is announced when it appears. When no clipboard could be reached,
 * it says so (nothing was copied) and offers to show the export to copy by hand.
 */
export function CopyStatus({ note, now, onReveal }: { note: CopyNote | undefined; now: number; onReveal: (format: ExportFormat) => void }): ReactElement {
  const tone = note === undefined ? null : note.kind === 'copied' ? 'ok' : note.kind === 'no-clipboard' ? 'warn' : 'danger';
  const text =
    note === undefined ? '' : note.kind === 'copied' ? copyStatusText(note.result, {}, now) : note.kind === 'no-clipboard' ? `Nothing was copied. ${note.reason}` : note.text;
  return (
    <div className={`copy-status${tone ? ` copy-status--${tone}` : ''}`}>
      <p className="copy-status__text" role="status" data-testid="copy-status">
        {tone === 'ok' ? <Icon name="check-circle" className="action-note__icon" /> : null}
        {tone === 'warn' || tone === 'danger' ? <Icon name="alert" className="action-note__icon" /> : null}
        {note ? <span>{text}</span> : null}
      </p>
      {note?.kind === 'no-clipboard' ? (
        <button type="button" className="button copy-status__reveal" onClick={() => onReveal(note.format)}>
          Show the export to copy it yourself
        </button>
      ) : null}
    </div>
  );
}
