/**
 * What the renderer's dialog tests share under jsdom: the modal methods jsdom's <dialog> lacks, a
 * bridge on window.roledeck that records every call and answers from the test, and typing into a
 * field the way a browser does (it sets the value, React hears 'input').
 */
import { act } from 'react';
import type { RoledeckBridge } from '../../../shared/contract';

export type Answer = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** jsdom has <dialog> but not showModal() and close(): they set and remove `open`. */
export function polyfillModalDialogs(): void {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}

/** Puts a bridge on window.roledeck that pushes each call onto `calls` and answers with `answer`. */
export function installRecordingBridge(calls: Array<[string, unknown]>, answer: (channel: string, request: unknown) => Answer | Promise<Answer>): void {
  const bridge: RoledeckBridge = {
    invoke: async (channel, request) => {
      calls.push([channel, request]);
      return (await answer(channel, request)) as never;
    },
    on: () => () => undefined,
  };
  Object.defineProperty(window, 'roledeck', { value: bridge, configurable: true });
}

/** Types or pastes into a control the way the browser does: it sets the value, React hears 'input'. */
export function type(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const prototype = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
