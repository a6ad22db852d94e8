import { useId, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import type { ArtefactId, OnboardingView } from '../../../../shared/domain/onboarding-view';
import { getApi, RemoteView, useRemote } from '../../api';
import { Button } from '../../ui/Button';
import { ArtefactPreview } from './ArtefactPreview';
import { QuickCreatePanel } from './QuickCreatePanel';

/** Step 2: every artefact for the customer, previewed, to copy or download, and the quick-create link. */
export function HandOverStep({ view, onChanged, onNext }: { view: OnboardingView; onChanged: () => void; onNext: () => void }): ReactElement {
  const id = useId();
  const [version, setVersion] = useState(0);
  const kit = useRemote(() => getApi().onboarding.kit({ customerId: view.customerId }), [view.customerId, version, view.setup?.externalId]);
  const [chosen, setChosen] = useState<ArtefactId>('trust-policy');
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);

  return (
    <div className="hand-over" data-testid="hand-over">
      <p className="step__intro">
        Send these to {view.customerName}. Each carries the ExternalId <code className="mono">{view.setup?.externalId}</code>; the
        instructions walk their admin through whichever way they prefer.
      </p>
      <QuickCreatePanel
        customerId={view.customerId}
        link={view.quickCreate}
        onCreated={() => {
          setVersion((current) => current + 1);
          setChosen('quick-create-link');
          onChanged();
        }}
      />
      <RemoteView remote={kit.remote} loading="Building the customer’s files…" failed="Roledeck could not build the customer’s files" onRetry={() => void kit.reload({ showLoading: true })}>
        {({ artefacts, notes }) => {
          const shown = artefacts.find((artefact) => artefact.id === chosen) ?? artefacts[0]!;
          const onKey = (event: KeyboardEvent<HTMLDivElement>): void => {
            const index = artefacts.findIndex((artefact) => artefact.id === shown.id);
            const next = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? artefacts.length - 1 : null;
            if (next === null) return;
            event.preventDefault();
            const target = artefacts[(next + artefacts.length) % artefacts.length]!;
            setChosen(target.id);
            tabs.current[artefacts.indexOf(target)]?.focus();
          };
          return (
            <div className="artefacts">
              <div className="artefacts__tabs" role="tablist" aria-label="Files for the customer" aria-orientation="vertical" onKeyDown={onKey}>
                {artefacts.map((artefact, index) => (
                  <button
                    key={artefact.id}
                    ref={(element) => {
                      tabs.current[index] = element;
                    }}
                    type="button"
                    role="tab"
                    id={`${id}-tab-${artefact.id}`}
                    aria-selected={artefact.id === shown.id}
                    aria-controls={`${id}-panel`}
                    tabIndex={artefact.id === shown.id ? 0 : -1}
                    className={artefact.id === shown.id ? 'artefacts__tab is-selected' : 'artefacts__tab'}
                    onClick={() => setChosen(artefact.id)}
                  >
                    {artefact.title}
                  </button>
                ))}
              </div>
              <div className="artefacts__panel" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${shown.id}`}>
                <ArtefactPreview customerId={view.customerId} artefact={shown} />
              </div>
              {notes.length ? (
                <ul className="artefacts__notes">
                  {notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          );
        }}
      </RemoteView>
      <div className="form__actions">
        <Button variant="primary" onClick={onNext}>
          Next: our side
        </Button>
      </div>
    </div>
  );
}
