import { useState, type ReactElement } from 'react';
import type { CloudFrontKey } from '../../../../shared/domain/cloudfront-key';
import { getApi, RemoteView, useRemote } from '../../api';
import { ExportPublicDialog } from './ExportPublicDialog';
import { GenerateKeyDialog } from './GenerateKeyDialog';
import { ImportKeyDialog } from './ImportKeyDialog';
import { InspectorPanel } from './InspectorPanel';
import { KeysPanel } from './KeysPanel';
import { RemoveKeyDialog } from './RemoveKeyDialog';
import { SignerPanel } from './SignerPanel';
import { TrustPanel } from './TrustPanel';
import { trustOfKey, type TrustMap } from './trust-format';
import { UploadKeyDialog } from './UploadKeyDialog';
import './cloudfront.css';

type Open =
  | { kind: 'import' }
  | { kind: 'generate' }
  | { kind: 'export'; key: CloudFrontKey }
  | { kind: 'upload'; key: CloudFrontKey }
  | { kind: 'remove'; key: CloudFrontKey }
  | null;

/**
 * CloudFront: private keys kept in the OS keychain, signed URLs and cookies with a live policy
 * preview, an inspector that says why CloudFront would refuse a URL, and which distributions trust
 * which key groups.
 */
export function CloudFrontSection(): ReactElement {
  const api = getApi();
  const keys = useRemote(async () => (await api.cloudfront.keys()).keys, []);
  const profiles = useRemote(async () => (await api.profiles.list()).profiles, []);
  const [open, setOpen] = useState<Open>(null);
  const [note, setNote] = useState<string | null>(null);
  const [trust, setTrust] = useState<TrustMap | null>(null);
  const profileList = profiles.remote.state === 'loaded' ? profiles.remote.value : [];
  const close = (): void => setOpen(null);
  const done = (message: string): void => {
    setOpen(null);
    setNote(message);
    void keys.reload();
  };

  return (
    <div className="cf">
      <section className="panel cf-intro" aria-labelledby="cf-intro-title">
        <h2 id="cf-intro-title" className="panel__title">
          Trusted key groups, not root key pairs
        </h2>
        <p>
          CloudFront used to trust only key pairs that the AWS account’s root user created, so anyone who needed to sign URLs had to sign in as root, and a
          key was trusted by every distribution that trusted the account. A trusted key group is an ordinary CloudFront resource: any IAM user or role
          with CloudFront permissions uploads its public key and manages the group, each distribution’s cache behaviour names the groups it trusts, and a key
          can be rotated or removed without the root user. AWS recommends key groups for all new work; the seed’s root key pair still signs, but move it to a
          key group when you next rotate.
        </p>
      </section>
      {note ? (
        <p className="notice" role="status">
          {note}
        </p>
      ) : null}
      <RemoteView remote={keys.remote} loading="Loading your CloudFront keys…" failed="Roledeck could not list your CloudFront keys" onRetry={() => void keys.reload()} variant="panel">
        {(list) => (
          <>
            <KeysPanel
              keys={list}
              onImport={() => setOpen({ kind: 'import' })}
              onGenerate={() => setOpen({ kind: 'generate' })}
              onExport={(key) => setOpen({ kind: 'export', key })}
              onUpload={(key) => setOpen({ kind: 'upload', key })}
              onRemove={(key) => setOpen({ kind: 'remove', key })}
            />
            <SignerPanel keys={list.filter((key) => key.keyPairId !== undefined)} />
            <InspectorPanel />
            <TrustPanel profiles={profileList} keys={list} onLoaded={setTrust} />
          </>
        )}
      </RemoteView>
      {open?.kind === 'import' ? <ImportKeyDialog onClose={close} onImported={(key) => done(`Imported ${key.label}; its private key is in your OS keychain.`)} /> : null}
      {open?.kind === 'generate' ? <GenerateKeyDialog profiles={profileList} onClose={close} onDone={(_key, message) => done(message)} /> : null}
      {open?.kind === 'export' ? <ExportPublicDialog cfKey={open.key} onClose={close} /> : null}
      {open?.kind === 'upload' ? <UploadKeyDialog cfKey={open.key} profiles={profileList} onClose={close} onUploaded={done} /> : null}
      {open?.kind === 'remove' ? (
        <RemoveKeyDialog cfKey={open.key} trust={trust ? trustOfKey(trust, open.key) : null} onClose={close} onRemoved={(key) => done(`Removed ${key.label} from Roledeck and the keychain.`)} />
      ) : null}
    </div>
  );
}
