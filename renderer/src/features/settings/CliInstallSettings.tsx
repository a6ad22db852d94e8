import { useId, useState, type ReactElement } from 'react';
import type { CliInstallState } from '../../../../shared/domain/cli-install';
import { messageOf } from '../../../../shared/logic/error-message';
import { getApi, RemoteView, useRemote } from '../../api';
import { Button } from '../../ui/Button';
import { MessageText } from '../../ui/MessageText';

const STATE_TEXT: Record<CliInstallState, string> = {
  unavailable: 'Not part of this build',
  'not-installed': 'Not installed',
  installed: 'Installed: terminals run this app’s roledeck',
  'not-on-path': 'Installed, but not on your PATH',
  shadowed: 'A terminal runs another roledeck',
};

/**
 * Settings → Command line: where the `roledeck` command the app carries is installed, whether a
 * new terminal would run it, and Install (a link on PATH, or a shim and a PATH entry on Windows).
 */
export function CliInstallSettings(): ReactElement {
  const headingId = useId();
  const [installing, setInstalling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { remote: status, set: setStatus } = useRemote(() => getApi().cliInstall.status(), []);

  const install = async (): Promise<void> => {
    setInstalling(true);
    setError(null);
    try {
      setStatus(await getApi().cliInstall.install());
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setInstalling(false);
    }
  };

  return (
    <section className="panel" aria-labelledby={headingId} data-testid="cli-install-settings">
      <h2 id={headingId} className="panel__title">
        Command line
      </h2>
      <p className="panel__intro">
        The <code>roledeck</code> command gives terminals, scripts and the AWS CLI the sessions this app holds. It comes with the app and
        needs no Node.js.
      </p>
      <RemoteView
        remote={status}
        loading="Checking where the roledeck command is…"
        failed="Roledeck could not check the roledeck command"
        variant="inline"
      >
        {(value) => (
          <>
            <dl className="facts">
              <div className="facts__row">
                <dt>Status</dt>
                <dd data-testid="cli-install-state">{STATE_TEXT[value.state]}</dd>
              </div>
              <div className="facts__row">
                <dt>Installed at</dt>
                <dd>{value.installedAt ? <code>{value.installedAt}</code> : 'Nowhere yet'}</dd>
              </div>
              <div className="facts__row">
                <dt>A new terminal runs</dt>
                <dd>{value.terminalFinds ? <code>{value.terminalFinds}</code> : 'Nothing: no roledeck on its PATH'}</dd>
              </div>
            </dl>
            {value.advice ? (
              <p className="panel__intro" role="status">
                <MessageText text={value.advice} />
              </p>
            ) : null}
            {value.state !== 'unavailable' ? (
              <Button variant={value.state === 'installed' ? 'default' : 'primary'} busy={installing} onClick={() => void install()}>
                {installing ? 'Installing…' : value.state === 'installed' ? 'Install again' : 'Install the roledeck command'}
              </Button>
            ) : null}
          </>
        )}
      </RemoteView>
      {error ? (
        <p className="form__error" role="alert">
          <MessageText text={error} />
        </p>
      ) : null}
    </section>
  );
}
