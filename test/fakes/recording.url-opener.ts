import type { UrlOpener } from '../../shared/ports/url-opener';

/** A UrlOpener that opens nothing: it keeps the URLs it was given, for tests to look at. */
export class RecordingUrlOpener implements UrlOpener {
  readonly opened: string[] = [];

  open(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  }
}
