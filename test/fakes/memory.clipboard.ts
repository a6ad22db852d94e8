import type { Clipboard } from '../../shared/ports/clipboard';

/**
 * A clipboard that keeps what main wrote where a test can read it: the browser test host's (a
 * browser page cannot stand in for the OS clipboard Electron main writes) and the unit tests' of
 * main-side callers such as the tray. The Electron adapter itself is covered by unit tests and
 * the Electron tier.
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
