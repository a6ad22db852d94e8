import type { UrlOpener } from '../../shared/ports/url-opener';

/** How many URLs are kept: the preview is a development and test host, not a history. */
const KEPT = 20;

/**
 * The browser preview's UrlOpener: it records URLs instead of starting a browser. The page already
 * runs in a browser the host did not start, the host may run headless (the e2e tier), and a login
 * URL carries a sign-in token: it is kept in memory for the host's owner (`WebHost.openedUrls`),
 * never logged.
 */
export class RecordedUrlOpener implements UrlOpener {
  private readonly urls: string[] = [];

  open(url: string): Promise<void> {
    this.urls.push(url);
    if (this.urls.length > KEPT) this.urls.shift();
    return Promise.resolve();
  }

  /** The URLs "opened", oldest first. */
  opened(): readonly string[] {
    return [...this.urls];
  }
}
