// Reference for the credential_process benchmark: a bare Node start plus one blocking keychain
// read, the floor any keychain-backed credential_process can reach. By default the binding is
// loaded straight from its platform package, as the CLI's quick path does; with --via-loader,
// through @napi-rs/keyring's own loader, as a plain `import` would.
const [id = 'none', how] = process.argv.slice(2);
const suffix = { linux: '-gnu', win32: '-msvc' }[process.platform] ?? '';
let binding;
if (how !== '--via-loader') {
  try {
    binding = process.getBuiltinModule('node:module').createRequire(import.meta.url)(`@napi-rs/keyring-${process.platform}-${process.arch}${suffix}`);
  } catch {
    binding = undefined;
  }
}
binding ??= await import('@napi-rs/keyring');

new binding.Entry('roledeck', `session/${id}`, { linux: { store: 'secret-service' } }).getSecret();
