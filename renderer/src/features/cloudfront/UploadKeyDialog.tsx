import { useState, type FormEvent, type ReactElement } from 'react';
import type { CloudFrontKey } from '../../../../shared/domain/cloudfront-key';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import { getApi } from '../../api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { nextFocusRequest } from '../../ui/field-focus';
import { placeApiError } from '../accounts/form-errors';
import { UploadTargetFields } from './UploadTargetFields';
import { distributionName, KEY_GROUP_NAME, KEY_GROUP_RULE } from './trust-format';
import { FormError } from '../../ui/FormError';

interface UploadKeyDialogProps {
  cfKey: CloudFrontKey;
  profiles: readonly ProfileView[];
  onClose: () => void;
  onUploaded: (message: string) => void;
}

/** Uploads a stored key's public half with a profile's session, into a key group (new or existing) if named. */
export function UploadKeyDialog({ cfKey, profiles, onClose, onUploaded }: UploadKeyDialogProps): ReactElement {
  const [profile, setProfile] = useState(profiles[0]?.id ?? '');
  const [keyGroup, setKeyGroup] = useState('');
  const [errors, setErrors] = useState<{ keyGroup?: string; form?: string }>({});
  const [focusRequest, setFocusRequest] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const group = keyGroup.trim();
    if (group !== '' && !KEY_GROUP_NAME.test(group)) {
      setErrors({ keyGroup: KEY_GROUP_RULE });
      setFocusRequest(nextFocusRequest());
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const result = await getApi().cloudfront.upload({ id: cfKey.id, profile, ...(group ? { keyGroup: group } : {}) });
      const trusted = result.distributions.map(distributionName).join(', ');
      const where = result.keyGroup ? ` in key group ${result.keyGroup.name}` : '';
      onUploaded(`Uploaded ${result.key.label} as ${result.key.keyPairId ?? '?'}${where}. ${trusted ? `Trusted by ${trusted}.` : 'No distribution trusts it yet: add the key group to a cache behaviour.'}`);
    } catch (error) {
      const placed = placeApiError(error, ['keyGroup'] as const);
      setErrors({ ...placed.fields, ...(placed.form ? { form: placed.form } : {}) });
      setFocusRequest(nextFocusRequest());
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Upload ${cfKey.label} to CloudFront`}
      description="The public key goes to CloudFront with the chosen profile’s session; Roledeck notes the key ID CloudFront gives it."
      size="md"
      onClose={onClose}
      testId="cf-upload-dialog"
      footer={(close) => (
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" type="submit" form="cf-upload-form" busy={busy} disabled={profiles.length === 0}>
            {busy ? 'Uploading…' : 'Upload'}
          </Button>
        </>
      )}
    >
      <form id="cf-upload-form" className="form" onSubmit={(event) => void submit(event)} noValidate>
        {profiles.length === 0 ? <p className="muted">Add a profile for the account in Accounts first.</p> : null}
        <UploadTargetFields
          profiles={profiles}
          profile={profile}
          onProfile={setProfile}
          keyGroup={keyGroup}
          onKeyGroup={setKeyGroup}
          keyGroupError={errors.keyGroup}
          focusRequest={focusRequest}
        />
        <FormError message={errors.form} />
      </form>
    </Dialog>
  );
}
