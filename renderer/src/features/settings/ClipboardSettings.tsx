import { useId, useState, type FormEvent, type ReactElement } from 'react';
import './settings.css';
import type { StoreSettings } from '../../../../shared/domain/store-document';
import { EXPORT_FORMATS, type ExportFormat } from '../../../../shared/logic/shell-export';
import { messageOf } from '../../../../shared/logic/error-message';
import { getApi, RemoteView, useRemote } from '../../api';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { nextFocusRequest } from '../../ui/field-focus';
import { formatName, isExportFormat, preferredFormat } from '../../../../shared/logic/export-format';
import { clearDelayText, parseSeconds, settingMessage } from './settings-message';
import { DEFAULT_CLIPBOARD_CLEAR_SECONDS } from '../../../../shared/domain/settings-defaults';


interface ClipboardPrefs {
  clearSeconds: number;
  preferred: ExportFormat;
}

function prefsOf(settings: StoreSettings): ClipboardPrefs {
  return { clearSeconds: settings.clipboardClearSeconds ?? DEFAULT_CLIPBOARD_CLEAR_SECONDS, preferred: preferredFormat(settings) };
}

/**
 * Settings → Clipboard: how long a copied export stays on the clipboard, and the format Copy uses
 * first. Both are saved through settings.update; the main side's validation message is shown
 * next to the field it is about.
 */
export function ClipboardSettings(): ReactElement {
  const headingId = useId();
  const [draft, setDraft] = useState('');
  const [secondsError, setSecondsError] = useState<string | null>(null);
  const [formatError, setFormatError] = useState<string | null>(null);
  const [saving, setSaving] = useState<'seconds' | 'format' | null>(null);
  const [status, setStatus] = useState('');
  const [focusRequest, setFocusRequest] = useState(0);

  const { remote: prefs, set: setPrefs } = useRemote(async () => {
    const loaded = prefsOf(await getApi().settings.get());
    setDraft(String(loaded.clearSeconds));
    return loaded;
  }, []);

  const saveSeconds = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (saving) return;
    const seconds = parseSeconds(draft);
    if (seconds === null) {
      setSecondsError('Type whole seconds, from 0 to 3,600 (0 never clears).');
      setFocusRequest(nextFocusRequest());
      return;
    }
    setSaving('seconds');
    setSecondsError(null);
    try {
      const settings = await getApi().settings.update({ clipboardClearSeconds: seconds });
      const saved = prefsOf(settings);
      setPrefs(saved);
      setDraft(String(saved.clearSeconds));
      setStatus(`Saved. ${clearDelayText(saved.clearSeconds)}`);
    } catch (error) {
      setSecondsError(settingMessage(messageOf(error)));
      setFocusRequest(nextFocusRequest());
    } finally {
      setSaving(null);
    }
  };

  const saveFormat = async (format: ExportFormat): Promise<void> => {
    setSaving('format');
    setFormatError(null);
    try {
      const settings = await getApi().settings.update({ preferredShell: format });
      const saved = prefsOf(settings);
      setPrefs(saved);
      setStatus(`Saved. Copy uses ${formatName(saved.preferred)} first.`);
    } catch (error) {
      setFormatError(settingMessage(messageOf(error)));
      setFocusRequest(nextFocusRequest());
    } finally {
      setSaving(null);
    }
  };

  return (
    <section className="panel" aria-labelledby={headingId} data-testid="clipboard-settings">
      <h2 id={headingId} className="panel__title">
        Clipboard
      </h2>
      <p className="panel__intro">
        Roledeck copies credentials to the clipboard itself, hidden from clipboard history and clipboard managers, and
        clears them after a while if they are still there.
      </p>
      <RemoteView remote={prefs} loading="Loading clipboard settings…" failed="Roledeck could not read the clipboard settings">
        {(loaded) => (
          <div className="clipboard-settings">
            <form className="clipboard-settings__delay" onSubmit={(event) => void saveSeconds(event)} noValidate>
              <Field
                label="Clear copied credentials after"
                error={secondsError}
                focusRequest={focusRequest}
                hint="Seconds, from 0 to 3,600. 0 never clears them."
                addon={
                  <>
                    <span className="clipboard-settings__unit">seconds</span>
                    <Button type="submit" busy={saving === 'seconds'}>
                      {saving === 'seconds' ? 'Saving…' : 'Save'}
                    </Button>
                  </>
                }
              >
                {(control) => (
                  <input
                    {...control}
                    className="input clipboard-settings__seconds"
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={3600}
                    step={1}
                    value={draft}
                    onChange={(event) => {
                      setDraft(event.currentTarget.value);
                      if (secondsError) setSecondsError(null);
                    }}
                  />
                )}
              </Field>
            </form>
            <Field
              label="Preferred export format"
              error={formatError}
              focusRequest={focusRequest}
              hint="The Copy button of every session uses it. Choosing another format from Copy’s menu makes that one preferred."
              className="clipboard-settings__format"
            >
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={loaded.preferred}
                  aria-busy={saving === 'format' || undefined}
                  onChange={(event) => {
                    const next = event.currentTarget.value;
                    if (isExportFormat(next)) void saveFormat(next);
                  }}
                >
                  {EXPORT_FORMATS.map((format) => (
                    <option key={format} value={format}>
                      {formatName(format)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        )}
      </RemoteView>
      <p className="clipboard-settings__status" role="status" data-testid="clipboard-settings-status">
        {status}
      </p>
    </section>
  );
}
