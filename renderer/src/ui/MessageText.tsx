import { Fragment, type ReactElement } from 'react';

/**
 * A message from the main side, with its `backticked` commands and paths shown as code. The same
 * text goes to terminals, where backticks read naturally; in the window they would be noise.
 */
export function MessageText({ text }: { text: string }): ReactElement {
  const parts = text.split(/`([^`\n]+)`/);
  return (
    <>
      {parts.map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : <Fragment key={index}>{part}</Fragment>))}
    </>
  );
}
