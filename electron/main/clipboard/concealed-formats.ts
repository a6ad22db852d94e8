/**
 * Extra clipboard formats that tell clipboard managers and history to skip what Roledeck copies,
 * per platform (written with the text in one atomic clipboard.write):
 * - macOS: org.nspasteboard.ConcealedType (nspasteboard.org convention, honoured by most managers)
 * - Windows: ExcludeClipboardContentFromMonitorProcessing, and CanIncludeInClipboardHistory /
 *   CanUploadToCloudClipboard set to a DWORD 0 (Win32 "Cloud Clipboard and Clipboard History Formats")
 * - Linux: x-kde-passwordManagerHint = "secret" (Klipper and others)
 */
export function concealedFormats(platform: NodeJS.Platform): Record<string, Uint8Array<ArrayBuffer>> {
  const raw = (format: string) => `electron application/osclipboard;format="${format}"`;
  const dwordZero = new Uint8Array(4);
  switch (platform) {
    case 'darwin':
      return { [raw('org.nspasteboard.ConcealedType')]: new Uint8Array(0) };
    case 'win32':
      return {
        [raw('ExcludeClipboardContentFromMonitorProcessing')]: new Uint8Array(0),
        [raw('CanIncludeInClipboardHistory')]: dwordZero,
        [raw('CanUploadToCloudClipboard')]: dwordZero,
      };
    default:
      return { [raw('x-kde-passwordManagerHint')]: new TextEncoder().encode('secret') };
  }
}
