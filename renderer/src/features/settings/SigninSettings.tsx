import { useId, useState, type FormEvent, type ReactElement } from 'react';
import './settings.css';
import type { StoreSettings } from '../../../../shared/domain/store-document';
import { messageOf } from '../../../../shared/logic/error-message';
import { getApi, RemoteView, useRemote } from '../../api';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { settingMessage } from './settings-message';

interface SigninState {
  endpoint: string;
  /** Every MFA device a profile names, with its command ('' for none). */
  devices: Array<{ serial: string; command: string }>;
}

function stateOf(settings: StoreSettings, serials: readonly string[]): SigninState {
  return { endpoint: settings.federationEndpoint ?? '', devices: serials.map((serial) => ({ serial, command: settings.mfaProcesses?.[serial] ?? '' })) };
}

/**
 * Settings → Sign-in: the federation endpoint "Open console" signs in through (empty: each
 * partition's own), and per MFA device the command that prints its code (aws-vault's mfa_process),
 * used before any MFA dialog. Both are checked on the main side (shared/domain) and its message
 * is shown next to the field.
 */
export function SigninSettings(): ReactElement {
  const headingId = useId();
  const [endpoint, setEndpoint] = useState('');
  const [commands, setCommands] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const { remote, set } = useRemote(async () => {
    const [settings, { profiles }] = await Promise.all([getApi().settings.get(), getApi().profiles.list()]);
    const serials = [...new Set(profiles.flatMap((profile) => (profile.mfaSerial ? [profile.mfaSerial] : [])))].sort();
    const loaded = stateOf(settings, serials);
    setEndpoint(loaded.endpoint);
    setCommands(Object.fromEntries(loaded.devices.map((device) => [device.serial, device.command])));
    return loaded;
  }, []);

  const save = async (key: string, change: Parameters<ReturnType<typeof getApi>['settings']['update']>[0], said: string): Promise<void> => {
    setSaving(key);
    setErrors((current) => ({ ...current, [key]: null }));
    try {
      const settings = await getApi().settings.update(change);
      set(stateOf(settings, remote.state === 'loaded' ? remote.value.devices.map((device) => device.serial) : []));
      setStatus(said);
    } catch (error) {
      setErrors((current) => ({ ...current, [key]: settingMessage(messageOf(error)) }));
    } finally {
      setSaving(null);
    }
  };

  const saveEndpoint = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const value = endpoint.trim();
    void save('endpoint', { federationEndpoint: value }, value ? `Saved. Open console signs in through ${value}.` : 'Saved. Open console signs in through AWS’s own endpoints.');
  };

  return (
    <section className="panel" aria-labelledby={headingId} data-testid="signin-settings">
      <h2 id={headingId} className="panel__title">
        Sign-in
      </h2>
      <p className="panel__intro">
        Open console gets a sign-in token from AWS’s federation endpoint of the role’s partition. A hardware token’s command
        (for example <code>ykman oath accounts code -s AWS</code>) can supply a device’s MFA codes; it runs without a shell, for at most 30 seconds.
      </p>
      <RemoteView remote={remote} loading="Loading sign-in settings…" failed="Roledeck could not read the sign-in settings">
        {(loaded) => (
          <div className="signin-settings">
            <form onSubmit={saveEndpoint} noValidate>
              <Field
                label="Federation endpoint"
                error={errors.endpoint ?? null}
                hint="Empty: signin.aws.amazon.com, signin.amazonaws.cn or signin.amazonaws-us-gov.com, by the role’s partition."
                addon={
                  <Button type="submit" busy={saving === 'endpoint'}>
                    {saving === 'endpoint' ? 'Saving…' : 'Save'}
                  </Button>
                }
              >
                {(control) => (
                  <input
                    {...control}
                    className="input"
                    type="url"
                    placeholder="https://signin.aws.amazon.com/federation"
                    value={endpoint}
                    onChange={(event) => setEndpoint(event.currentTarget.value)}
                  />
                )}
              </Field>
            </form>
            {loaded.devices.length === 0 ? (
              <p className="allow-list__empty">No profile names an MFA device yet.</p>
            ) : (
              loaded.devices.map(({ serial }) => (
                <form
                  key={serial}
                  noValidate
                  onSubmit={(event) => {
                    event.preventDefault();
                    const command = (commands[serial] ?? '').trim();
                    void save(serial, { mfaProcess: { deviceSerial: serial, command } }, command ? `Saved. Codes for ${serial} come from its command.` : `Saved. Codes for ${serial} are asked for.`);
                  }}
                >
                  <Field
                    label={`MFA process for ${serial}`}
                    error={errors[serial] ?? null}
                    hint="Its output must be the six digits alone. Empty: the code is asked for."
                    addon={
                      <Button type="submit" busy={saving === serial}>
                        {saving === serial ? 'Saving…' : 'Save'}
                      </Button>
                    }
                  >
                    {(control) => (
                      <input
                        {...control}
                        className="input"
                        spellCheck={false}
                        value={commands[serial] ?? ''}
                        onChange={(event) => {
                          const value = event.currentTarget.value;
                          setCommands((current) => ({ ...current, [serial]: value }));
                        }}
                      />
                    )}
                  </Field>
                </form>
              ))
            )}
          </div>
        )}
      </RemoteView>
      <p className="clipboard-settings__status" role="status" data-testid="signin-settings-status">
        {status}
      </p>
    </section>
  );
}
