import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** What came back on one raw connection before it closed or went quiet. */
export interface RawExchange {
  received: string;
  /** The peer closed (or reset) the connection. */
  closed: boolean;
}

/**
 * Sends `chunks` on a fresh connection (to a Unix socket path or a TCP port on 127.0.0.1), waiting
 * `delayMs` between them — slow and partial writes — and collects what comes back until the peer
 * closes, `expectLines` lines arrived, or `quietMs` pass without anything new.
 */
export function rawExchange(
  target: { path: string } | { port: number },
  chunks: readonly (string | Uint8Array)[],
  options: { delayMs?: number; expectLines?: number; quietMs?: number; /** Half-close after the last chunk: the peer sees the end of the request. */ end?: boolean } = {},
): Promise<RawExchange> {
  // Generous: on a loaded 2-core machine a reply can take a while; a reply or a close ends the wait early.
  const quietMs = options.quietMs ?? 4_000;
  return new Promise((resolve) => {
    const connection = 'path' in target ? net.connect(target.path) : net.connect(target.port, '127.0.0.1');
    let received = '';
    let closed = false;
    let settled = false;
    let quiet: NodeJS.Timeout | undefined;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(quiet);
      connection.destroy();
      resolve({ received, closed });
    };
    const armQuiet = () => {
      clearTimeout(quiet);
      quiet = setTimeout(finish, quietMs);
    };
    connection.setEncoding('utf8');
    connection.on('data', (chunk: string) => {
      received += chunk;
      if (options.expectLines !== undefined && received.split('\n').length > options.expectLines) finish();
      else armQuiet();
    });
    connection.once('close', () => {
      closed = true;
      finish();
    });
    connection.once('error', () => {
      closed = true;
      finish();
    });
    connection.once('connect', () => {
      void (async () => {
        for (const chunk of chunks) {
          if (connection.destroyed) return;
          connection.write(chunk);
          if (options.delayMs) await sleep(options.delayMs);
        }
        if (options.end && !connection.destroyed) connection.end();
        armQuiet();
      })();
    });
  });
}

/** Splits a text into `parts` pieces at random-looking but reproducible places (bytes, not characters). */
export function splitBytes(text: string | Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const bytes = typeof text === 'string' ? Buffer.from(text) : Buffer.from(text);
  const points = [...new Set(cuts.map((cut) => Math.floor(cut * bytes.length)))].filter((point) => point > 0 && point < bytes.length).sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    pieces.push(bytes.subarray(start, point));
    start = point;
  }
  return pieces;
}
