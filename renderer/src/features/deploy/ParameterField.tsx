import type { ReactElement } from 'react';
import type { TemplateParameter } from '../../../../shared/domain/deploy-template';
import { Field } from '../../ui/Field';

interface ParameterFieldProps {
  parameter: TemplateParameter;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

function hintOf(parameter: TemplateParameter): string {
  const parts = [parameter.description, parameter.constraintDescription].filter(Boolean);
  if (parameter.noEcho) parts.push('Secret (NoEcho): never stored by Roledeck; left empty on an update, the stack keeps its value.');
  else if (parameter.default !== undefined) parts.push(`Default: ${parameter.default === '' ? '(empty)' : parameter.default}`);
  return parts.join(' ');
}

/**
 * One template parameter as a form field: a list of the AllowedValues, a password field for a
 * NoEcho parameter, text otherwise; the template's own description and constraint as the hint.
 */
export function ParameterField({ parameter, value, onChange, error }: ParameterFieldProps): ReactElement {
  const label = (
    <>
      <span className="deploy-mono">{parameter.name}</span> <span className="deploy-muted">{parameter.type}</span>
    </>
  );
  return (
    <Field label={label} hint={hintOf(parameter)} error={error} required={parameter.default === undefined && !parameter.noEcho}>
      {(control) =>
        parameter.allowedValues && parameter.allowedValues.length > 0 ? (
          <select {...control} className="input" value={value} onChange={(event) => onChange(event.target.value)} data-parameter={parameter.name}>
            {parameter.default === undefined ? <option value="">Choose…</option> : null}
            {parameter.allowedValues.map((allowed) => (
              <option key={allowed} value={allowed}>
                {allowed}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...control}
            className={parameter.noEcho ? 'input' : 'input input--mono'}
            type={parameter.noEcho ? 'password' : 'text'}
            autoComplete={parameter.noEcho ? 'new-password' : 'off'}
            spellCheck={false}
            // A NoEcho field is uncontrolled and starts empty (its value is never remembered):
            // React mirrors a controlled input's value, and a changing defaultValue, into the value
            // attribute, which would put the secret into the page's markup.
            {...(parameter.noEcho ? {} : { value })}
            placeholder={parameter.noEcho && parameter.default !== undefined ? 'Leave empty for the template’s default' : undefined}
            onChange={(event) => onChange(event.target.value)}
            data-parameter={parameter.name}
          />
        )
      }
    </Field>
  );
}
