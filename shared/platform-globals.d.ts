// The web-platform globals shared/ uses, which every Roledeck runtime provides (Node >= 22, the
// Chromium renderer): shared/ compiles without the DOM and Node libraries (tsconfig.shared.json),
// so a `document` or `node:fs` here fails the build. Declared structurally, only the members used;
// the other projects see the full declarations from their own libraries.

/** WHATWG URL (Node's `URL` global and the browser's). */
declare class URL {
  constructor(url: string, base?: string);
  readonly host: string;
  readonly hostname: string;
  readonly protocol: string;
  readonly pathname: string;
  readonly username: string;
  readonly password: string;
  readonly hash: string;
  readonly search: string;
  readonly searchParams: URLSearchParams;
  readonly href: string;
}

/** WHATWG URLSearchParams, the members shared/ reads. */
interface URLSearchParams {
  get(name: string): string | null;
  has(name: string): boolean;
}

/** WHATWG AbortSignal: what a caller hands a port to cancel it. */
interface AbortSignal {
  readonly aborted: boolean;
}
