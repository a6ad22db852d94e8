/**
 * One rule for every form: when a submit is refused, in the window or by the main side, the first
 * refused field (in the order of the page) takes focus and is scrolled into view with its message;
 * a refusal that belongs to no field takes focus itself. A form asks with a new request number
 * (`nextFocusRequest`), the fields and the form's own message claim it (`claimFocus`), and the
 * first to claim a number wins: React runs the fields' layout effects in the order of the page,
 * and the form-level message claims in a later, passive effect.
 */
let issued = 0;
let claimed = 0;

export function nextFocusRequest(): number {
  issued += 1;
  return issued;
}

/** Focuses `element` for `request` unless something already claimed that request. */
export function claimFocus(request: number | undefined, element: HTMLElement | null): boolean {
  if (request === undefined || request === 0 || request <= claimed || !element) return false;
  claimed = request;
  element.focus({ preventScroll: true });
  // The whole field, so the label and the message under the control are in view too.
  (element.closest('.field') ?? element).scrollIntoView?.({ block: 'nearest' });
  return true;
}
