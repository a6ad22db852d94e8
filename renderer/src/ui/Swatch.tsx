import type { ReactElement } from 'react';
import './forms.css';

const HEX = /^#[0-9a-fA-F]{6}$/;

/**
 * A customer's colour as a small rounded square. The colour goes in the SVG `fill` attribute: a
 * presentation attribute, which the CSP's style-src does not govern (a `style=` attribute it would
 * block). Without a colour it is an outline, so a group still lines up.
 */
export function Swatch({ color, size = 12, className }: { color?: string | undefined; size?: number; className?: string }): ReactElement {
  const valid = color !== undefined && HEX.test(color);
  return (
    <svg
      className={`swatch${valid ? '' : ' swatch--none'}${className ? ` ${className}` : ''}`}
      width={size}
      height={size}
      viewBox="0 0 12 12"
      aria-hidden="true"
      focusable="false"
    >
      {valid ? (
        <rect x="0.5" y="0.5" width="11" height="11" rx="3" fill={color} className="swatch__fill" />
      ) : (
        <rect x="1" y="1" width="10" height="10" rx="3" fill="none" className="swatch__empty" />
      )}
    </svg>
  );
}
