// The script Node runs inside the `roledeck` single executable (its "main"; built by
// build/scripts/build-cli-sea.mjs). Node 24 runs one CommonJS script there, whose `require` loads
// built-in modules only and where import() of a file fails (Node's "Single executable
// applications" docs). The CLI itself is shipped as the executable's assets instead: CommonJS
// chunks, split as the npm bundle is split, so a credential_process call compiles the small entry
// chunk and never the AWS SDK. This loader is the module system for those chunks: a chunk's
// relative require() is another asset, anything else a built-in module. Everything is bundled;
// the only file beside the executable is the keychain's native binary (keyring-beside-executable.ts).
import type * as Sea from 'node:sea';

/** The asset the CLI starts from; every other chunk is required from it. */
export const ENTRY_ASSET = 'roledeck.cjs';

interface ChunkModule {
  exports: unknown;
}

type ChunkFunction = (exports: unknown, require: (id: string) => unknown, module: ChunkModule, filename: string, dirname: string) => void;

export interface AssetSource {
  getAsset(key: string, encoding: 'utf8'): string;
  getAssetKeys(): string[];
}

/** Loads chunk `name` and what it requires from `assets`; chunks are evaluated once, as with require(). */
export function createChunkLoader(assets: AssetSource, execPath: string): (name: string) => unknown {
  const path = process.getBuiltinModule('node:path');
  const vm = process.getBuiltinModule('node:vm');
  const keys = new Set(assets.getAssetKeys());
  const modules = new Map<string, ChunkModule>();
  const base = path.dirname(execPath);

  const builtin = (id: string): unknown => {
    const found: unknown = process.getBuiltinModule(id);
    if (found === undefined) throw new Error(`roledeck: the chunk asked for "${id}", which is not built into Node; this executable is incomplete.`);
    return found;
  };

  const load = (name: string): unknown => {
    const known = modules.get(name);
    if (known) return known.exports;
    if (!keys.has(name)) throw new Error(`roledeck: the executable has no chunk "${name}"; rebuild it.`);
    const filename = path.join(base, name);
    const run = vm.compileFunction(assets.getAsset(name, 'utf8'), ['exports', 'require', 'module', '__filename', '__dirname'], { filename }) as ChunkFunction;
    const module: ChunkModule = { exports: {} };
    modules.set(name, module);
    const requireFromChunk = (id: string): unknown => (id.startsWith('./') || id.startsWith('../') ? load(path.posix.join(path.posix.dirname(name), id)) : builtin(id));
    run.call(module.exports, module.exports, requireFromChunk, module, filename, path.dirname(filename));
    return module.exports;
  };
  return load;
}

const sea = process.getBuiltinModule('node:sea') as typeof Sea | undefined;
if (sea?.isSea()) createChunkLoader(sea, process.execPath)(ENTRY_ASSET);
