import { useId, useRef, useState, type DragEvent, type ReactElement } from 'react';
import type { TemplateSummary } from '../../../../shared/domain/deploy-template';
import { Button } from '../../ui/Button';
import type { PickedTemplate } from './use-template';

function Summary({ summary }: { summary: TemplateSummary }): ReactElement {
  const resources = `${summary.resourceCount} resource${summary.resourceCount === 1 ? '' : 's'}${summary.resourceCountExact ? '' : ' before transforms'}`;
  return (
    <p className="deploy-muted" data-testid="template-summary">
      {summary.format.toUpperCase()}, {summary.sizeBytes.toLocaleString('en-US')} bytes, {resources}, {summary.parameters.length} parameter
      {summary.parameters.length === 1 ? '' : 's'}
      {summary.description ? ` — ${summary.description}` : ''}
    </p>
  );
}

/**
 * Choose a template file or drop it here. Its text is read by the page (File API) and analysed on
 * the main side; a problem is shown with its line and column.
 */
export function TemplatePicker({ template, onPick, disabled }: { template: PickedTemplate; onPick: (file: File) => void; disabled: boolean }): ReactElement {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent): void => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onPick(file);
  };
  return (
    <section
      className={`deploy-drop${over ? ' deploy-drop--over' : ''}`}
      aria-labelledby={`${inputId}-title`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="template-drop"
    >
      <h2 id={`${inputId}-title`} className="panel__title">
        Template
      </h2>
      <div className="deploy-drop__row">
        <Button onClick={() => input.current?.click()} disabled={disabled}>
          Choose file…
        </Button>
        <span className="deploy-muted">
          {template.state === 'none' ? 'or drop a CloudFormation template (YAML or JSON, up to 1 MB) anywhere here.' : template.name}
        </span>
        <input
          ref={input}
          id={inputId}
          type="file"
          className="visually-hidden"
          accept=".yaml,.yml,.json,.template,.txt"
          tabIndex={-1}
          aria-label="Template file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onPick(file);
            event.target.value = '';
          }}
          data-testid="template-input"
        />
      </div>
      {template.state === 'reading' ? (
        <p className="deploy-muted" role="status">
          Reading {template.name}…
        </p>
      ) : null}
      {template.state === 'ready' ? <Summary summary={template.summary} /> : null}
      {template.state === 'refused' ? (
        <p className="form__error" role="alert" data-testid="template-problem">
          {template.problem.message}
        </p>
      ) : null}
    </section>
  );
}
