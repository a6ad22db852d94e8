// Reference for the credential_process benchmark: a bare Node start plus one keychain read through
// the same binding, the floor any keychain-backed credential_process can reach.
import { AsyncEntry } from '@napi-rs/keyring';

await new AsyncEntry('roledeck', `session/${process.argv[2] ?? 'none'}`, { linux: { store: 'secret-service' } }).getSecret();
