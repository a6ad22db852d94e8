/** Terminal input and output for the CLI: secrets come from stdin or a hidden prompt, never argv. */

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdinIsTty: boolean;
  readStdin: () => Promise<string>;
  /** Asks on the terminal without echoing what is typed. */
  promptHidden: (question: string) => Promise<string>;
  /** Asks on the terminal (the question on stderr) and resolves with the line typed. */
  promptLine: (question: string) => Promise<string>;
}

async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let answer = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new Error('cancelled'));
        if (char === '\u007f' || char === '\b') answer = answer.slice(0, -1);
        else answer += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

async function promptLine(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const lines = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await lines.question(question);
  } finally {
    lines.close();
  }
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdinIsTty: Boolean(process.stdin.isTTY),
    readStdin: () => readAll(process.stdin),
    promptHidden,
    promptLine,
  };
}

/** A secret from a hidden prompt on a terminal, else the first line of piped stdin. */
export async function readSecret(io: CliIo, question: string): Promise<string> {
  const raw = io.stdinIsTty ? await io.promptHidden(question) : await io.readStdin();
  return (raw.split(/\r?\n/)[0] ?? '').trim();
}
