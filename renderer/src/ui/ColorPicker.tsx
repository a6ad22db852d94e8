import { useId, type ReactElement } from 'react';
import './forms.css';
import { Swatch } from './Swatch';

/** Customer colours: distinct from each other, visible on both themes' backgrounds. */
export const PROFILE_COLORS = [
  { value: '#3b6fe0', name: 'Blue' },
  { value: '#0f9d8f', name: 'Teal' },
  { value: '#2f9e44', name: 'Green' },
  { value: '#d9a100', name: 'Amber' },
  { value: '#e8590c', name: 'Orange' },
  { value: '#e03131', name: 'Red' },
  { value: '#d6336c', name: 'Pink' },
  { value: '#7048e8', name: 'Purple' },
  { value: '#5c677d', name: 'Slate' },
] as const;

interface ColorPickerProps {
  value: string;
  onChange: (next: string) => void;
  legend?: string;
  hint?: string;
}

/**
 * A radio group of swatches plus "None": arrow keys move between colours as in any radio group.
 * A colour set elsewhere (the CLI) that is not a preset stays selectable as "Current".
 */
export function ColorPicker({ value, onChange, legend = 'Colour', hint }: ColorPickerProps): ReactElement {
  const name = useId();
  const hintId = `${name}-hint`;
  const custom = value !== '' && !PROFILE_COLORS.some((color) => color.value.toLowerCase() === value.toLowerCase());
  const options: { value: string; name: string }[] = [
    { value: '', name: 'None' },
    ...PROFILE_COLORS,
    ...(custom ? [{ value, name: `Current (${value})` }] : []),
  ];
  return (
    <fieldset className="color-picker" aria-describedby={hint ? hintId : undefined}>
      <legend className="field__label">{legend}</legend>
      <div className="color-picker__options">
        {options.map((option) => (
          <label key={option.value || 'none'} className="color-picker__option" title={option.name}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value.toLowerCase() === option.value.toLowerCase()}
              onChange={() => onChange(option.value)}
            />
            <Swatch color={option.value || undefined} size={18} />
            <span className="visually-hidden">{option.name}</span>
          </label>
        ))}
      </div>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </fieldset>
  );
}
