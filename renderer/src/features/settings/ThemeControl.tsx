import type { ReactElement } from 'react';
import { THEME_PREFERENCES, type ThemePreference } from '../../app/theme';

const LABELS: Record<ThemePreference, string> = { system: 'System', light: 'Light', dark: 'Dark' };

interface ThemeControlProps {
  value: ThemePreference;
  onChange: (next: ThemePreference) => void;
}

/** Native radio buttons styled as a segmented control: arrow keys and screen readers work as usual. */
export function ThemeControl({ value, onChange }: ThemeControlProps): ReactElement {
  return (
    <fieldset className="segmented">
      <legend className="field-label">Theme</legend>
      <div className="segmented__options">
        {THEME_PREFERENCES.map((option) => (
          <label key={option} className="segmented__option">
            <input
              type="radio"
              name="theme"
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
            />
            <span>{LABELS[option]}</span>
          </label>
        ))}
      </div>
      <p className="field-hint">System follows your operating system’s light or dark setting.</p>
    </fieldset>
  );
}
