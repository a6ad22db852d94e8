import { useId, useState, type FormEvent, type ReactElement } from 'react';
import './settings.css';
import { messageOf } from '../../../../shared/logic/error-message';
import { getApi, RemoteView, useRemote } from '../../api';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { nextFocusRequest } from '../../ui/field-focus';

/**
 * The main side names the rule and the entry ("Invalid request for settings.update:
 * roleNameAllowList.0: an allowed role name may contain only …"); people need only the rule.
 */
export function allowListMessage(message: string): string {
  const match = /^Invalid request for settings\.update: (?:roleNameAllowList(?:\.\d+)?: )?(.+)$/s.exec(message);
  const rule = match?.[1] ?? message;
  return rule.charAt(0).toUpperCase() + rule.slice(1);
}

/**
 * Settings → Allowed role names: the installation accepts only roles whose name matches one of
 * these (with `*` as a wildcard); an empty list accepts every role. Each change is saved at once
 * through settings.update, and the main side's validation message is shown as it comes.
 */
export function RoleAllowListEditor(): ReactElement {
  const headingId = useId();
  const { remote: list, set: setList } = useRemote(async () => (await getApi().settings.get()).roleNameAllowList, []);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [focusRequest, setFocusRequest] = useState(0);

  const save = async (next: string[], done: string): Promise<boolean> => {
    setSaving(true);
    setError(null);
    try {
      const settings = await getApi().settings.update({ roleNameAllowList: next });
      setList(settings.roleNameAllowList);
      setAnnouncement(done);
      return true;
    } catch (saveError) {
      setError(allowListMessage(messageOf(saveError)));
      setFocusRequest(nextFocusRequest());
      return false;
    } finally {
      setSaving(false);
    }
  };

  const onAdd = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (list.state !== 'loaded' || saving) return;
    const name = draft.trim();
    if (name === '') {
      setError('Type a role name, or a pattern with * as a wildcard.');
      setFocusRequest(nextFocusRequest());
      return;
    }
    if (await save([...list.value, name], `Added ${name}. Only the listed role names are accepted now.`)) setDraft('');
  };

  const onRemove = (name: string): void => {
    if (list.state !== 'loaded') return;
    const next = list.value.filter((entry) => entry !== name);
    void save(next, next.length === 0 ? `Removed ${name}. Every role name is accepted now.` : `Removed ${name}.`);
  };

  return (
    <section className="panel" aria-labelledby={headingId} data-testid="role-allow-list">
      <h2 id={headingId} className="panel__title">
        Allowed role names
      </h2>
      <p className="panel__intro">
        Accept only customer roles with these names, as the customer setup asks (“reject any role that is not called
        ExampleRoleName”). <code>*</code> matches any run of characters; names are case-sensitive, as in ARNs. An empty
        list accepts every role.
      </p>
      <RemoteView remote={list} loading="Loading the allowed role names…" failed="Roledeck could not read the allowed role names">
        {(names) => (
          <>
            {names.length === 0 ? (
              <p className="allow-list__empty">No restriction: every role name is accepted.</p>
            ) : (
              <ul className="allow-list" aria-label="Allowed role names">
                {names.map((name) => (
                  <li key={name} className="allow-list__item">
                    <code className="allow-list__name">{name}</code>
                    <Button variant="ghost" onClick={() => onRemove(name)} disabled={saving} aria-label={`Remove ${name}`}>
                      Remove
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <form className="allow-list__form" onSubmit={(event) => void onAdd(event)} noValidate>
              <Field label="Role name or pattern" error={error} hint="e.g. ExampleRoleName or Roledeck-*" focusRequest={focusRequest}>
                {(control) => (
                  <input
                    {...control}
                    className="input input--mono"
                    value={draft}
                    autoComplete="off"
                    spellCheck={false}
                    onChange={(event) => {
                      setDraft(event.currentTarget.value);
                      if (error) setError(null);
                    }}
                  />
                )}
              </Field>
              <Button type="submit" busy={saving}>
                Add
              </Button>
            </form>
          </>
        )}
      </RemoteView>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
