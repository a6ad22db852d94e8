import { useId, useState, type FormEvent, type ReactElement } from 'react';
import type { QuickCreateLink } from '../../../../shared/domain/onboarding-record';
import { messageOf } from '../../../../shared/logic/error-message';
import { getApi } from '../../api';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';

const LIFETIMES = [
  { seconds: 604_800, label: '7 days (longest)' },
  { seconds: 86_400, label: '1 day' },
  { seconds: 3_600, label: '1 hour' },
];

/** The one-click setup: upload the template to a bucket of ours and get the console's quick-create link. */
export function QuickCreatePanel({ customerId, link, onCreated }: { customerId: string; link: QuickCreateLink | undefined; onCreated: (link: QuickCreateLink) => void }): ReactElement {
  const id = useId();
  const [bucket, setBucket] = useState(link?.bucket ?? '');
  const [lifetime, setLifetime] = useState(String(LIFETIMES[0]!.seconds));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onCreated(await getApi().onboarding.quickCreate({ customerId, bucket: bucket.trim(), expiresInSeconds: Number(lifetime) }));
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="quick-create" aria-labelledby={`${id}-title`} data-testid="quick-create">
      <h3 id={`${id}-title`} className="quick-create__title">
        Quick-create link
      </h3>
      <p className="muted">
        The customer opens one link, signed in to their console, and chooses Create stack: the template, the stack name and the
        ExternalId are filled in. The template is uploaded to an S3 bucket of ours and shared through a presigned URL.
      </p>
      <form className="quick-create__form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <Field label="Our S3 bucket" id={`${id}-bucket`} error={error} hint="Created in the stack’s region if it does not exist.">
          {(control) => <input {...control} className="input input--mono" value={bucket} spellCheck={false} onChange={(event) => setBucket(event.target.value)} />}
        </Field>
        <Field label="Link valid for" id={`${id}-lifetime`}>
          {(control) => (
            <select {...control} className="input" value={lifetime} onChange={(event) => setLifetime(event.target.value)}>
              {LIFETIMES.map((choice) => (
                <option key={choice.seconds} value={String(choice.seconds)}>
                  {choice.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit" variant={link ? 'default' : 'primary'} busy={busy} disabled={bucket.trim() === ''}>
          {busy ? 'Uploading…' : link ? 'Create a new link' : 'Create the link'}
        </Button>
      </form>
      {link ? (
        <div className="quick-create__result" data-testid="quick-create-result">
          <p className="quick-create__validity">{link.validity}</p>
          {link.warning ? (
            <p className="quick-create__warning" role="note">
              {link.warning}
            </p>
          ) : null}
          <p className="muted">The link is among the files below (quick-create-link.txt) and in the instructions.</p>
        </div>
      ) : null}
    </section>
  );
}
