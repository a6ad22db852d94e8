import { describe, expect, it } from 'vitest';
import { createChunkLoader, type AssetSource } from '../../../../../electron/cli/sea/sea-loader';

/** The executable's assets as a map of chunk name -> CommonJS source. */
function assets(chunks: Record<string, string>): AssetSource & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    getAssetKeys: () => Object.keys(chunks),
    getAsset: (key) => {
      reads.push(key);
      const source = chunks[key];
      if (source === undefined) throw new Error(`no asset ${key}`);
      return source;
    },
  };
}

describe('the single executable’s chunk loader', () => {
  it('runs the entry chunk, resolving relative requires to other chunks and others to Node built-ins', () => {
    const source = assets({
      'roledeck.cjs': 'const { twice } = require("./chunks/math.cjs"); exports.result = twice(21); exports.sep = require("node:path").posix.sep;',
      'chunks/math.cjs': 'const { one } = require("./one.cjs"); exports.twice = (n) => n * 2 * one;',
      'chunks/one.cjs': 'exports.one = 1;',
    });
    const exported = createChunkLoader(source, '/opt/Roledeck/resources/cli/roledeck')('roledeck.cjs');
    expect(exported).toEqual({ result: 42, sep: '/' });
  });

  it('evaluates a chunk once however often it is required, as require() does (shared state, no second compile)', () => {
    const source = assets({
      'roledeck.cjs': 'require("./chunks/counter.cjs").count += 1; require("./chunks/counter.cjs").count += 1; exports.count = require("./chunks/counter.cjs").count;',
      'chunks/counter.cjs': 'exports.count = 0;',
    });
    expect(createChunkLoader(source, '/x/roledeck')('roledeck.cjs')).toEqual({ count: 2 });
    expect(source.reads.filter((name) => name === 'chunks/counter.cjs')).toHaveLength(1);
  });

  it('loads a chunk only when it is required: the AWS SDK chunk stays unread on the quick path', () => {
    const source = assets({
      'roledeck.cjs': 'exports.later = () => require("./chunks/aws-sdk.cjs");',
      'chunks/aws-sdk.cjs': 'exports.sdk = true;',
    });
    const entry = createChunkLoader(source, '/x/roledeck')('roledeck.cjs') as { later: () => unknown };
    expect(source.reads).toEqual(['roledeck.cjs']);
    expect(entry.later()).toEqual({ sdk: true });
  });

  it('gives chunks __filename and __dirname beside the executable, and their own line numbers in stack traces', () => {
    const source = assets({ 'chunks/where.cjs': 'exports.file = __filename; exports.dir = __dirname;\nexports.stack = new Error("x").stack;' });
    const where = createChunkLoader(source, '/opt/R/cli/roledeck')('chunks/where.cjs') as { file: string; dir: string; stack: string };
    expect(where.file).toBe('/opt/R/cli/chunks/where.cjs');
    expect(where.dir).toBe('/opt/R/cli/chunks');
    expect(where.stack).toContain('/opt/R/cli/chunks/where.cjs:2');
  });

  it('says what is missing instead of failing obscurely: a chunk not in the executable, a package that is not a built-in', () => {
    const source = assets({ 'roledeck.cjs': 'require("./chunks/gone.cjs");', 'b.cjs': 'require("@aws-sdk/client-sts");' });
    const load = createChunkLoader(source, '/x/roledeck');
    expect(() => load('roledeck.cjs')).toThrow('the executable has no chunk "chunks/gone.cjs"; rebuild it.');
    expect(() => load('b.cjs')).toThrow('the chunk asked for "@aws-sdk/client-sts", which is not built into Node');
  });
});
