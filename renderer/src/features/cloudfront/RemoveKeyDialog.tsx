import { useState, type ReactElement } from 'react';
import type { CloudFrontKey } from '../../../../shared/domain/cloudfront-key';
import { messageOf } from '../../../../shared/logic/error-message';
import { getApi } from '../../api';
import { ConfirmFooter } from '../../ui/ConfirmFooter';
import { Dialog } from '../../ui/Dialog';
import { distributionName, type KnownTrust } from './trust-format';
import { FormError } from '../../ui/FormError';

interface RemoveKeyDialogProps {
  cfKey: CloudFrontKey;
  /** Where the key is trusted, from the last "Which distributions trust it" look-up; null if never looked. */
  trust: KnownTrust | null;
  onClose: () => void;
  onRemoved: (key: CloudFrontKey) => void;
}

/** Confirms a removal, naming the key groups and distributions that still trust the key when known. */
export function RemoveKeyDialog({ cfKey, trust, onClose, onRemoved }: RemoveKeyDialogProps): ReactElement {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const remove = async (): Promise<void> => {
    setBusy(true);
    try {
      await getApi().cloudfront.remove({ id: cfKey.id });
      onRemoved(cfKey);
    } catch (error) {
      setRefusal(messageOf(error));
      setBusy(false);
    }
  };
  const groups = trust?.keyGroups ?? [];
  return (
    <Dialog
      title={`Remove ${cfKey.label}?`}
      description="The private key is deleted from your OS keychain. CloudFront keeps the public key: URLs signed with it stay valid until they expire."
      size="sm"
      onClose={onClose}
      testId="cf-remove-dialog"
      footer={<ConfirmFooter label="Remove" busyLabel="Removing…" busy={busy} onCancel={onClose} onConfirm={() => void remove()} />}
    >
      {groups.length > 0 ? (
        <div className="notice notice--warn">
          <p>
            Still trusted: key group {groups.map((group) => group.name).join(', ')}
            {trust && trust.distributions.length > 0 ? `, by ${trust.distributions.map(distributionName).join(', ')}` : ''}. Without this key
            nobody here can sign for them; remove the public key from the key group in CloudFront when you are done.
          </p>
        </div>
      ) : (
        <p className="muted">{trust ? 'No key group in the account you looked at holds this key.' : cfKey.keyPairId ? 'Where it is trusted is not known: look it up under "Which distributions trust which key groups" first if it matters.' : 'It was never uploaded to CloudFront.'}</p>
      )}
      <FormError message={refusal} />
    </Dialog>
  );
}
