import { describe, expect, it } from 'vitest';
import { ElectronClipboardAdapter } from '../../../../../electron/main/clipboard/electron.clipboard';
import { concealedFormats } from '../../../../../electron/main/clipboard/concealed-formats';

class RecordedItem {
  constructor(readonly items: Record<string, string | Blob>) {}
}

describe('Electron clipboard adapter', () => {
  it.each([
    ['darwin', ['org.nspasteboard.ConcealedType']],
    ['win32', ['ExcludeClipboardContentFromMonitorProcessing', 'CanIncludeInClipboardHistory', 'CanUploadToCloudClipboard']],
    ['linux', ['x-kde-passwordManagerHint']],
  ] as const)('writes the text and the %s concealment markers in one atomic write', async (platform, markers) => {
    const writes: RecordedItem[][] = [];
    const adapter = new ElectronClipboardAdapter(
      { write: async (items) => void writes.push(items as unknown as RecordedItem[]), readText: async () => '', clear: () => undefined },
      RecordedItem as never,
      platform,
    );
    await adapter.writeConcealed('export X=1');
    expect(writes).toHaveLength(1);
    const item = writes[0]![0]!.items;
    expect(item['text/plain']).toBe('export X=1');
    expect(Object.keys(item).filter((key) => key !== 'text/plain')).toEqual(markers.map((marker) => `electron application/osclipboard;format="${marker}"`));
  });

  it('sets the Windows history and cloud flags to a DWORD 0', () => {
    const formats = concealedFormats('win32');
    expect([...formats['electron application/osclipboard;format="CanIncludeInClipboardHistory"']!]).toEqual([0, 0, 0, 0]);
    expect([...formats['electron application/osclipboard;format="CanUploadToCloudClipboard"']!]).toEqual([0, 0, 0, 0]);
  });
});
