// Stands in for the '@napi-rs/keyring' package inside the single executable (vite.cli-sea.config.ts
// aliases the package name to this file): the package's own loader looks for its platform package
// in node_modules, which an app user does not have.
import { keyringBesideExecutable } from './keyring-beside-executable';

const binding = keyringBesideExecutable();

export const { AsyncEntry, Entry, findCredentials, findCredentialsAsync } = binding;
