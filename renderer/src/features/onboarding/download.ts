/**
 * Saves text as a file the way a browser page can: a Blob behind an object URL and a link with
 * `download`. The content is already on this side (an artefact preview), so nothing is fetched.
 */
export function downloadText(fileName: string, content: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mediaType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; revoking later lets slow browsers finish reading it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
