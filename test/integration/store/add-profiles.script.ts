// One writer in the concurrency test: opens the store in <home> with the key in the real keyring
// (service <service>), prints "ready", waits for "go" on stdin, then adds <count> profiles, one
// update each, and prints how many it added.
import { once } from 'node:events';
import { KeyringSecretStore } from '../../../electron/node/keychain/keyring.secret-store';
import { StreamLogger } from '../../../electron/node/log/console.logger';
import { EncryptedFileDocumentStore } from '../../../electron/node/store/encrypted-file.document-store';
import { sampleRole } from '../../unit/electron/node/store/sample-profiles';

const [home, service, worker, count] = process.argv.slice(2);
const store = new EncryptedFileDocumentStore({
  home: home!,
  secrets: new KeyringSecretStore({ service: service! }),
  logger: new StreamLogger(undefined, 'warn'),
});

process.stdout.write('ready\n');
process.stdin.setEncoding('utf8');
await once(process.stdin, 'data');

let added = 0;
for (let index = 0; index < Number(count); index += 1) {
  added += await store.update((doc) => {
    doc.profiles.push(sampleRole(`w${worker}-${index}`));
    doc.history.push({ at: Date.now(), action: 'profile.add' });
    return 1;
  });
}
process.stdout.write(`${JSON.stringify({ worker, added })}\n`);
process.stdin.destroy();
