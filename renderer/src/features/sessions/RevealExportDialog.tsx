import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { formatName } from '../../../../shared/logic/export-format';
import { messageOf } from '../../../../shared/logic/error-message';
import type { ExportFormat } from '../../../../shared/logic/shell-export';
import { formatClockTime } from '../../../../shared/logic/time-left';
import { getApi } from '../../api';
import { detectMac } from '../../app/navigation';
import { Dialog } from '../../ui/Dialog';

interface RevealExportDialogProps {
  profileId: string;
  profileName: string;
  format: ExportFormat;
  onClose: () => void;
}

type Phase = { kind: 'loading' } | { kind: 'shown'; expiresAt: number | undefined } | { kind: 'failed'; message: string };

/**
 * Where no clipboard can be reached, the export is shown for the person to copy by hand: the one
 * place a credential enters this window, and only because they asked. The text goes straight into
 * the field (never into React state, a `value` attribute or storage), is selected so one
 * Ctrl/Cmd+C copies it, and is gone when the dialog closes.
 */
export function RevealExportDialog({ profileId, profileName, format, onClose }: RevealExportDialogProps): ReactElement {
  const fieldId = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    getApi()
      .sessions.revealExport({ profileId, format })
      .then(
        (result) => {
          const field = fieldRef.current;
          if (!live || !field) return;
          field.value = result.text;
          setPhase({ kind: 'shown', expiresAt: result.expiresAt });
        },
        (error: unknown) => {
          if (live) setPhase({ kind: 'failed', message: messageOf(error) });
        },
      );
    return () => {
      live = false;
      if (fieldRef.current) fieldRef.current.value = '';
    };
  }, [profileId, format]);

  useEffect(() => {
    if (phase.kind !== 'shown') return;
    fieldRef.current?.focus();
    fieldRef.current?.select();
  }, [phase.kind]);

  const shortcut = detectMac() ? '⌘C' : 'Ctrl+C';
  return (
    <Dialog
      title={`Export of ${profileName}`}
      description={`${formatName(format)} — no clipboard could be reached, so copy it yourself.`}
      onClose={onClose}
      size="lg"
      testId="reveal-export-dialog"
      footer={
        <>
          <button
            type="button"
            className="button"
            disabled={phase.kind !== 'shown'}
            onClick={() => {
              fieldRef.current?.focus();
              fieldRef.current?.select();
            }}
          >
            Select all
          </button>
          <button type="button" className="button button--primary" onClick={onClose}>
            Done
          </button>
        </>
      }
    >
      <div className="reveal-export">
        <label htmlFor={fieldId} className="field__label">
          The export, selected: press {shortcut} to copy it
        </label>
        <textarea
          id={fieldId}
          ref={fieldRef}
          className="input input--mono reveal-export__text"
          readOnly
          spellCheck={false}
          autoComplete="off"
          rows={8}
          aria-busy={phase.kind === 'loading' || undefined}
          data-testid="reveal-export-text"
        />
        <p className="field__hint" role="status">
          {phase.kind === 'loading'
            ? 'Getting the session…'
            : phase.kind === 'failed'
              ? ''
              : `It holds the session’s secret key and token: paste it only into your terminal.${
                  phase.expiresAt === undefined ? '' : ` It works until ${formatClockTime(phase.expiresAt)}.`
                } Roledeck removes it from this window when you close it; it cannot clear your own copy.`}
        </p>
        {phase.kind === 'failed' ? (
          <p className="form__error" role="alert">
            {phase.message}
          </p>
        ) : null}
      </div>
    </Dialog>
  );
}
