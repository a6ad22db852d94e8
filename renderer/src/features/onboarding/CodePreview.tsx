import { useMemo, type ReactElement } from 'react';
import type { ArtefactLanguage } from '../../../../shared/domain/onboarding-view';
import { highlight } from './highlight';

/** Read-only code with light highlighting; a focusable region so it scrolls by keyboard. */
export function CodePreview({ content, language, label }: { content: string; language: ArtefactLanguage; label: string }): ReactElement {
  const tokens = useMemo(() => highlight(content, language), [content, language]);
  return (
    <pre className={`code code--${language}`} tabIndex={0} aria-label={label} data-testid="artefact-code">
      <code>
        {tokens.map((token, index) =>
          token.kind === 'plain' ? (
            token.text
          ) : (
            <span key={index} className={`tok tok--${token.kind}`}>
              {token.text}
            </span>
          ),
        )}
      </code>
    </pre>
  );
}
