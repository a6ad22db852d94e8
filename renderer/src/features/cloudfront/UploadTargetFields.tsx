import type { ReactElement } from 'react';
import type { ProfileView } from '../../../../shared/domain/profile-view';
import { Field } from '../../ui/Field';

interface UploadTargetFieldsProps {
  profiles: readonly ProfileView[];
  profile: string;
  onProfile: (id: string) => void;
  keyGroup: string;
  onKeyGroup: (name: string) => void;
  keyGroupError: string | undefined;
  focusRequest: number;
}

/** Where a public key goes: whose session uploads it, and the key group it joins (generate and upload alike). */
export function UploadTargetFields({ profiles, profile, onProfile, keyGroup, onKeyGroup, keyGroupError, focusRequest }: UploadTargetFieldsProps): ReactElement {
  return (
    <div className="form__row">
      <Field label="With the session of">
        {(control) => (
          <select {...control} className="input" value={profile} onChange={(event) => onProfile(event.target.value)}>
            {profiles.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.label ? `${entry.label} · ${entry.name}` : entry.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Key group" error={keyGroupError} focusRequest={focusRequest} hint="Added to it, or created. Empty: upload only.">
        {(control) => <input {...control} className="input" value={keyGroup} onChange={(event) => onKeyGroup(event.target.value)} />}
      </Field>
    </div>
  );
}
