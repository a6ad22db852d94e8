// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { MessageText } from '../../../../renderer/src/ui/MessageText';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function render(text: string): HTMLElement {
  const container = document.createElement('p');
  const root = createRoot(container);
  act(() => root.render(<MessageText text={text} />));
  return container;
}

describe('MessageText', () => {
  it('shows backticked commands as code and keeps the sentence around them as text', () => {
    const shown = render('Run `roledeck profile list` to see them, or `npm link`.');
    expect(shown.innerHTML).toBe('Run <code>roledeck profile list</code> to see them, or <code>npm link</code>.');
    expect(shown.textContent).toBe('Run roledeck profile list to see them, or npm link.');
  });

  it('leaves a lone backtick, and markup in the message, as plain text', () => {
    const shown = render('It`s <b>not</b> markup');
    expect(shown.querySelector('code, b')).toBeNull();
    expect(shown.textContent).toBe('It`s <b>not</b> markup');
  });
});
