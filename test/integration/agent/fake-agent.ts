/** A process squatting the app's socket: it speaks the agent protocol but does not know the token. */
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface FakeAgent {
  socket: string;
  /** Every request line it was sent. */
  received: string[];
  close(): Promise<void>;
}

/**
 * Listens on `<home>/fake-agent.sock` and points `<home>/agent.json` at it with a token the fake
 * never uses (the real app's token, as far as the CLI knows). `respond` gives the reply to write
 * for each request line, or null to stay silent.
 */
export async function startFakeAgent(home: string, respond: (line: string) => string | null): Promise<FakeAgent> {
  const socket = path.join(home, 'fake-agent.sock');
  rmSync(socket, { force: true });
  const received: string[] = [];
  const connections = new Set<net.Socket>();
  const server = net.createServer((connection) => {
    connections.add(connection);
    connection.on('close', () => connections.delete(connection));
    let buffer = '';
    connection.setEncoding('utf8');
    connection.on('data', (chunk: string) => {
      buffer += chunk;
      for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        received.push(line);
        const reply = respond(line);
        if (reply !== null) connection.write(reply);
      }
    });
    connection.on('error', () => connection.destroy());
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  writeFileSync(path.join(home, 'agent.json'), JSON.stringify({ socket, token: randomBytes(32).toString('base64url'), pid: process.pid }), { mode: 0o600 });
  return {
    socket,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const connection of connections) connection.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Sends one line and resolves with the first line that comes back. */
export function rawExchange(socket: string, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const connection = net.connect(socket, () => connection.write(line));
    let data = '';
    connection.setEncoding('utf8');
    connection.on('data', (chunk: string) => {
      data += chunk;
      const newline = data.indexOf('\n');
      if (newline >= 0) {
        connection.end();
        resolve(data.slice(0, newline));
      }
    });
    connection.on('error', reject);
    connection.on('close', () => reject(new Error('closed without an answer')));
  });
}
