/**
 * Cryptographically strong random bytes, injected so `shared/` stays free of `node:crypto` and the
 * DOM: the Node side passes `(count) => crypto.randomBytes(count)`, the renderer
 * `(count) => crypto.getRandomValues(new Uint8Array(count))`. Never `Math.random`: an ExternalId
 * guards against the confused-deputy problem only if nobody can guess it.
 */
export type RandomBytes = (count: number) => Uint8Array;
