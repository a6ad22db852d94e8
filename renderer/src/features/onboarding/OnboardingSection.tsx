import { lazy, Suspense, useState, type ReactElement } from 'react';
import type { OnboardingView } from '../../../../shared/domain/onboarding-view';
import { getApi, RemoteView, useRemote } from '../../api';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { CustomerList } from './CustomerList';
import './onboarding.css';
import { useOnboardingList, useVerifyAll } from './use-onboarding';
import { VerifyAllReport } from './VerifyAllReport';

/** The flow (forms, previews, the policy checker) loads when a customer is opened, not with the window. */
const CustomerFlow = lazy(() => import('./CustomerFlow').then((module) => ({ default: module.CustomerFlow })));

/**
 * Onboarding: every customer with where it stands, "Verify all", and the chosen customer's flow —
 * set up the role, hand the files over, our side, access verified.
 */
export function OnboardingSection(): ReactElement {
  const list = useOnboardingList();
  const context = useRemote(async () => {
    const api = getApi();
    const [{ profiles }, settings] = await Promise.all([api.profiles.list(), api.settings.get()]);
    return { profiles, allowList: settings.roleNameAllowList };
  }, []);
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const verifyAll = useVerifyAll(() => void list.reload());
  const customers = list.remote.state === 'loaded' ? list.remote.value : [];
  const chosen: OnboardingView | undefined = customers.find((view) => view.customerId === selected);

  return (
    <div className="onboarding">
      <section className="panel" aria-labelledby="onboarding-customers">
        <header className="onboarding__toolbar">
          <h2 id="onboarding-customers" className="panel__title">
            Customers
          </h2>
          <div className="onboarding__actions">
            <Button onClick={verifyAll.start} busy={verifyAll.state.running} disabled={customers.length === 0}>
              {verifyAll.state.running ? 'Verifying…' : 'Verify all'}
            </Button>
            <Button variant="primary" onClick={() => setSelected('new')}>
              <Icon name="plus" /> New customer
            </Button>
          </div>
        </header>
        <VerifyAllReport state={verifyAll.state} />
        <RemoteView remote={list.remote} loading="Loading customers…" failed="Roledeck could not list your customers" onRetry={() => void list.reload({ showLoading: true })}>
          {(views) =>
            views.length === 0 ? (
              <div className="onboarding__empty" data-testid="onboarding-empty">
                <p>
                  <strong>No customers yet.</strong> Choose New customer to prepare everything a customer needs to create a cross-account role for
                  you:
                </p>
                <ol>
                  <li>Generate an ExternalId, the trust and permissions policies and a role-creating template.</li>
                  <li>Hand them over as files, a printable page or a one-click quick-create link.</li>
                  <li>Paste their account ID or role ARN and see “access verified”.</li>
                </ol>
              </div>
            ) : (
              <CustomerList customers={views} activeId={chosen?.customerId ?? null} onActiveChange={setSelected} />
            )
          }
        </RemoteView>
      </section>
      {selected !== null ? (
        <RemoteView remote={context.remote} loading="Loading your profiles…" failed="Roledeck could not read your profiles" onRetry={() => void context.reload({ showLoading: true })}>
          {({ profiles, allowList }) =>
            profiles.length === 0 ? (
              <p className="panel">Add your IAM user in Accounts first: the customer’s role will trust it.</p>
            ) : (
              <Suspense fallback={<p className="muted" role="status">Opening…</p>}>
                <CustomerFlow
                  key={selected === 'new' ? 'new' : selected}
                  view={chosen}
                  profiles={profiles}
                  allowList={allowList}
                  onCancel={() => setSelected(null)}
                  onChanged={() => void list.reload()}
                  onPrepared={(prepared) => {
                    list.set([...customers.filter((view) => view.customerId !== prepared.customerId), prepared].sort((a, b) => a.customerName.localeCompare(b.customerName)));
                    setSelected(prepared.customerId);
                  }}
                />
              </Suspense>
            )
          }
        </RemoteView>
      ) : null}
    </div>
  );
}
