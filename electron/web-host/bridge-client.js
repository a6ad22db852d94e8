// @ts-check
/* global document, location, window, HTMLScriptElement -- this file runs in the page, not in Node */
/*
 * The browser side of the web host's bridge: defines `window.roledeck` with exactly the shape
 * the Electron preload exposes ({invoke, on}, shared/contract/bridge.ts), over a loopback
 * WebSocket. A classic script, served from the page's own origin (the CSP allows no inline
 * script) and placed before the app's module, so the bridge exists when the app starts.
 * The token arrives in this script's own URL.
 */
(() => {
  'use strict';

  const script = document.currentScript;
  const token = script instanceof HTMLScriptElement ? new URL(script.src).searchParams.get('token') : null;
  const socket = new WebSocket(`ws://${location.host}/__roledeck/ws?token=${encodeURIComponent(token ?? '')}`);

  /** @type {Map<number, (result: unknown) => void>} */
  const pending = new Map();
  /** @type {Map<string, Set<(payload: unknown) => void>>} */
  const listeners = new Map();
  let nextId = 1;
  /** @type {string | null} */
  let lostReason = null;
  let wasOpen = false;

  /** @param {string} message */
  const failed = (message) => ({ ok: false, error: { code: 'INTERNAL', message } });

  const opened = new Promise((resolve) => {
    socket.addEventListener('open', () => {
      wasOpen = true;
      resolve(true);
    });
    socket.addEventListener('close', () => resolve(false));
  });

  socket.addEventListener('message', (event) => {
    let message;
    try {
      message = JSON.parse(String(event.data));
    } catch {
      return;
    }
    if (typeof message?.id === 'number') {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message.result);
    } else if (typeof message?.event === 'string') {
      for (const listener of listeners.get(message.event) ?? []) {
        try {
          listener(message.payload);
        } catch (error) {
          console.error('Roledeck event listener failed', error);
        }
      }
    }
  });

  socket.addEventListener('close', (event) => {
    lostReason = wasOpen
      ? `Lost the connection to the Roledeck host (code ${event.code}). Restart it and reload this page.`
      : 'The Roledeck host refused the connection or is not running. Open the address it printed, token included.';
    for (const resolve of pending.values()) resolve(failed(lostReason));
    pending.clear();
  });

  /**
   * @param {string} channel
   * @param {unknown} request
   */
  async function invoke(channel, request) {
    if (!(await opened) || lostReason) return failed(lostReason ?? 'The Roledeck host is not reachable.');
    return new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, channel, payload: request }));
    });
  }

  /**
   * @param {string} event
   * @param {(payload: unknown) => void} listener
   */
  function on(event, listener) {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  Object.defineProperty(window, 'roledeck', {
    value: Object.freeze({ invoke, on }),
    enumerable: true,
    configurable: false,
    writable: false,
  });
})();
