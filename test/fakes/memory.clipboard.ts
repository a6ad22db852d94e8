import type { Clipboard } from '../../../shared/ports/clipboard';

/**
 * The browser test host's clipboard: a browser page cannot stand in for the OS clipboard that
 * Electron main writes, so the host keeps what main wrote where the e2e test can read it (the
 * Electron adapter itself is covered by unit tests and the Electron tier).
 */
export class MemoryClipboard implements Clipboard {
  text = '';
  concealed = false;
  writes = 0;

  async writeConcealed(text: string): Promise<void> {
    this.text = text;
    this.concealed = true;
    this.writes += 1;
  }

  async readText(): Promise<string> {
    return this.text;
  }

  async clear(): Promise<void> {
    this.text = '';
    this.concealed = false;
  }
}
