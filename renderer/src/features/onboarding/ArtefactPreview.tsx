import { useState, type ReactElement } from 'react';
import type { KitArtefact } from '../../../../shared/domain/onboarding-view';
import { formatCount } from '../../../../shared/logic/iam-policy/policy-text';
import { messageOf } from '../../../../shared/logic/error-message';
import { getApi } from '../../api';
import { Button } from '../../ui/Button';
import { Icon } from '../../ui/Icon';
import { CodePreview } from './CodePreview';
import { downloadText } from './download';

/** One artefact: what it is for, its size against IAM's limit, the text, and Copy / Download. */
export function ArtefactPreview({ customerId, artefact }: { customerId: string; artefact: KitArtefact }): ReactElement {
  const [note, setNote] = useState<{ text: string; failed: boolean } | null>(null);
  const copy = async (): Promise<void> => {
    try {
      await getApi().onboarding.copy({ customerId, artefact: artefact.id });
      setNote({ text: `Copied ${artefact.fileName} to the clipboard.`, failed: false });
    } catch (error) {
      setNote({ text: messageOf(error), failed: true });
    }
  };
  const download = (): void => {
    downloadText(artefact.fileName, artefact.content, artefact.mediaType);
    setNote({ text: `Downloading ${artefact.fileName}.`, failed: false });
  };
  return (
    <div className="artefact" data-testid="artefact-preview" data-artefact={artefact.id}>
      <div className="artefact__head">
        <div>
          <p className="artefact__file">{artefact.fileName}</p>
          <p className="artefact__description">{artefact.description}</p>
          {artefact.size ? (
            <p className={artefact.size.characters > artefact.size.limit ? 'artefact__size is-over' : 'artefact__size'}>
              {formatCount(artefact.size.characters)} of {formatCount(artefact.size.limit)} characters IAM allows
            </p>
          ) : null}
        </div>
        <div className="artefact__actions">
          <Button onClick={() => void copy()} aria-label={`Copy ${artefact.fileName}`}>
            <Icon name="copy" /> Copy
          </Button>
          <Button onClick={download} aria-label={`Download ${artefact.fileName}`}>
            <Icon name="download" /> Download
          </Button>
        </div>
      </div>
      <CodePreview content={artefact.content} language={artefact.language} label={artefact.title} />
      <p className={note?.failed ? 'artefact__note form__error' : 'artefact__note'} role="status">
        {note?.text ?? ''}
      </p>
    </div>
  );
}
