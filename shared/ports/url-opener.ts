/**
 * Opens a URL in the person's default browser. The URL may carry a sign-in token (the console),
 * so an adapter never logs it. The desktop app and the CLI start the system's opener; the browser
 * preview host records the URL instead (its e2e tier asserts on what a button "opened").
 */
export interface UrlOpener {
  open(url: string): Promise<void>;
}
