import type { Clipboard as ElectronClipboard, ClipboardItem as ElectronClipboardItem } from 'electron';
import type { Clipboard } from '../../../shared/ports/clipboard';
import { concealedFormats } from './concealed-formats';

/** The Clipboard port on Electron's W3C-style clipboard: text and concealment markers in one write. */
export class ElectronClipboardAdapter implements Clipboard {
  constructor(
    private readonly clipboard: Pick<ElectronClipboard, 'write' | 'readText' | 'clear'>,
    private readonly Item: typeof ElectronClipboardItem,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async writeConcealed(text: string): Promise<void> {
    const entries: Record<string, string | Blob> = { 'text/plain': text };
    for (const [format, bytes] of Object.entries(concealedFormats(this.platform))) entries[format] = new Blob([bytes]);
    await this.clipboard.write([new this.Item(entries)]);
  }

  readText(): Promise<string> {
    return this.clipboard.readText();
  }

  async clear(): Promise<void> {
    this.clipboard.clear();
  }
}
