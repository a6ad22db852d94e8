import { useState, type ReactElement } from 'react';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import { getApi } from '../../api';
import { ConfirmFooter } from '../../ui/ConfirmFooter';
import { Dialog } from '../../ui/Dialog';
import { messageOf } from '../../../../shared/logic/error-message';
import { FormError } from '../../ui/FormError';

interface RemoveDialogProps {
  profile: ProfileView;
  /** Roles whose source is this profile, as this window knows them. */
  dependents: readonly ProfileView[];
  onClose: () => void;
  onRemoved: (profile: ProfileView) => void;
}

/**
 * Confirms a removal. Roles that use the profile as their source are named before anything is
 * sent; if the main side refuses (another window added one meanwhile), its message says which.
 */
export function RemoveDialog({ profile, dependents, onClose, onRemoved }: RemoveDialogProps): ReactElement {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const remove = async (): Promise<void> => {
    setBusy(true);
    setRefusal(null);
    try {
      await getApi().profiles.remove({ name: profile.name });
      onRemoved(profile);
    } catch (error) {
      setRefusal(messageOf(error));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Remove ${profile.name}?`}
      description={
        profile.kind === 'iam-user'
          ? 'The IAM user is removed from Roledeck and its secret access key is deleted from your OS keychain. The key itself stays valid in AWS.'
          : 'The role profile is removed from Roledeck. Nothing changes in the customer’s account.'
      }
      size="sm"
      onClose={onClose}
      testId="remove-dialog"
      footer={<ConfirmFooter label="Remove" busyLabel="Removing…" busy={busy} onCancel={onClose} onConfirm={() => void remove()} />}
    >
      {dependents.length > 0 ? (
        <div className="notice notice--warn">
          <p>
            {dependents.length === 1 ? 'This role uses it as its source: ' : 'These roles use it as their source: '}
            {dependents.map((entry, index) => (
              <span key={entry.id}>
                {index > 0 ? ', ' : ''}
                <strong>{entry.name}</strong>
              </span>
            ))}
            . Roledeck will refuse until they are removed or point elsewhere.
          </p>
        </div>
      ) : (
        <p className="dialog__text">This cannot be undone.</p>
      )}
      <FormError message={refusal} />
    </Dialog>
  );
}
