import type { ReactElement } from 'react';
import type { CloudFrontKey } from '../../../../shared/domain/cloudfront-key';
import { getApi, RemoteView, useRemote } from '../../api';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';

/** The public key as CloudFront's "Create public key" takes it (SPKI PEM), to copy or download. */
export function ExportPublicDialog({ cfKey, onClose }: { cfKey: CloudFrontKey; onClose: () => void }): ReactElement {
  const { remote, reload } = useRemote(async () => (await getApi().cloudfront.exportPublic({ id: cfKey.id })).pem, [cfKey.id]);
  const download = (pem: string): void => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([pem], { type: 'application/x-pem-file' }));
    link.download = `${cfKey.label.replace(/[^\w.-]+/g, '-')}.public.pem`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return (
    <Dialog title={`Public key of ${cfKey.label}`} description={`Fingerprint ${cfKey.fingerprint}. Not a secret: paste it into CloudFront → Public keys.`} size="md" onClose={onClose} testId="cf-export-dialog" footer={<Button onClick={onClose}>Close</Button>}>
      <RemoteView remote={remote} loading="Reading the public key…" failed="Roledeck could not export the public key" onRetry={() => void reload()}>
        {(pem) => (
          <>
            <textarea className="input input--mono cf-pem" readOnly rows={9} value={pem} aria-label="Public key PEM" />
            <div className="cf-actions">
              <CopyButton text={pem} label="Copy public key" />
              <Button onClick={() => download(pem)}>Download .pem</Button>
            </div>
          </>
        )}
      </RemoteView>
    </Dialog>
  );
}
