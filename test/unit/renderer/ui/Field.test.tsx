// @vitest-environment jsdom
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FormError } from '../../../../renderer/src/features/accounts/ProfileFormParts';
import { Field } from '../../../../renderer/src/ui/Field';
import { nextFocusRequest } from '../../../../renderer/src/ui/field-focus';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Errors {
  name?: string;
  region?: string;
  form?: string;
}

function Form({ errors, focusRequest }: { errors: Errors; focusRequest: number }): ReactElement {
  return (
    <form>
      <FormError message={errors.form} focusRequest={focusRequest} />
      <Field id="name" label="Profile name" error={errors.name} focusRequest={focusRequest}>
        {(control) => <input {...control} />}
      </Field>
      <Field id="region" label="Region" error={errors.region} focusRequest={focusRequest}>
        {(control) => <input {...control} />}
      </Field>
    </form>
  );
}

describe('Field after a refused submit', () => {
  let container: HTMLDivElement;
  let root: Root;
  const scrolled: Element[] = [];

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    scrolled.length = 0;
    // jsdom lays nothing out; record what was asked to come into view.
    Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
      scrolled.push(this);
    });
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
  });

  it('marks the refused field, ties the message to it, focuses the first one and scrolls its whole field into view', () => {
    act(() => root.render(<Form errors={{ region: 'Not a region', name: 'Taken' }} focusRequest={nextFocusRequest()} />));
    const name = container.querySelector<HTMLInputElement>('#name')!;
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector(`#${name.getAttribute('aria-describedby')}`)?.textContent).toBe('Taken');
    expect(document.activeElement).toBe(name);
    expect(scrolled).toEqual([name.closest('.field')]);
  });

  it('gives focus to the form’s own message when no field has one', () => {
    act(() => root.render(<Form errors={{ form: 'The OS keychain is locked.' }} focusRequest={nextFocusRequest()} />));
    const message = container.querySelector('[role="alert"]');
    expect(document.activeElement).toBe(message);
  });

  it('takes focus once per refused submit: typing that changes the message does not pull focus back', () => {
    const request = nextFocusRequest();
    act(() => root.render(<Form errors={{ name: 'Taken' }} focusRequest={request} />));
    const region = container.querySelector<HTMLInputElement>('#region')!;
    region.focus();
    act(() => root.render(<Form errors={{ name: 'Still taken' }} focusRequest={request} />));
    expect(document.activeElement).toBe(region);
    act(() => root.render(<Form errors={{ name: 'Still taken' }} focusRequest={nextFocusRequest()} />));
    expect(document.activeElement).toBe(container.querySelector('#name'));
  });
});
