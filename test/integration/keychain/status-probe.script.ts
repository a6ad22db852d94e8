// Run in a child process whose environment has no session bus: prints KeyringSecretStore.status().
import { KeyringSecretStore } from '../../../electron/node/keychain/keyring.secret-store';

const status = await new KeyringSecretStore({ service: 'roledeck-test-probe' }).status();
process.stdout.write(JSON.stringify(status));
