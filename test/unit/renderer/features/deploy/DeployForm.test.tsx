// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeployTarget } from '../../../../../shared/domain/deploy-flow';
import type { TemplateSummary } from '../../../../../shared/domain/deploy-template';
import { DeployForm, type DeployInputs } from '../../../../../renderer/src/features/deploy/DeployForm';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const summary: TemplateSummary = {
  format: 'yaml',
  sizeBytes: 900,
  upload: 'inline',
  parameters: [
    { name: 'Env', type: 'String', allowedValues: ['dev', 'prod'], noEcho: false },
    { name: 'Prefix', type: 'String', allowedPattern: '[a-z]+', constraintDescription: 'lowercase letters only', default: 'app', noEcho: false },
    { name: 'Password', type: 'String', noEcho: true, minLength: 8 },
  ],
  capabilities: ['CAPABILITY_NAMED_IAM'],
  capabilityNeeds: [{ capability: 'CAPABILITY_NAMED_IAM', reason: 'creates IAM resources with names you chose: Role', because: ['Role'] }],
  resourceCount: 2,
  conditionalResourceCount: 0,
  resourceCountExact: true,
  transforms: [],
  nestedStacks: [],
  statefulResources: [],
  notes: [],
};
const target: DeployTarget = {
  profileId: 'acme-test-0001',
  profileName: 'acme-test',
  accountId: '123456789012',
  region: 'eu-west-1',
  identityArn: 'arn:aws:sts::123456789012:assumed-role/Deployer/roledeck-consultant',
  production: false,
};

let host: HTMLDivElement;
let root: Root;
let submitted: DeployInputs[];

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  submitted = [];
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

function render(forTarget: DeployTarget = target): void {
  act(() => root.render(<DeployForm summary={summary} start={{ stackName: 'acme-app', parameters: [], tags: [] }} target={forTarget} busy={false} onSubmit={(inputs) => submitted.push(inputs)} />));
}

/** Sets a control's value the way typing does, so React sees the change. */
function type(element: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): void {
  const prototype = element instanceof HTMLSelectElement ? HTMLSelectElement.prototype : element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(element, value);
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

const control = <T extends Element>(selector: string): T => host.querySelector<T>(selector)!;
const createButton = (): HTMLButtonElement => control('[data-testid="create-change-set"]');

describe('DeployForm', () => {
  it('builds a field per parameter: a list for AllowedValues, a password field for NoEcho, text with the default otherwise', () => {
    render();
    expect([...control<HTMLSelectElement>('select[data-parameter="Env"]').options].map((option) => option.text)).toEqual(['Choose…', 'dev', 'prod']);
    expect(control<HTMLInputElement>('input[data-parameter="Password"]').type).toBe('password');
    expect(control<HTMLInputElement>('input[data-parameter="Prefix"]').value).toBe('app');
  });

  it('checks values with the template’s own rules as they are typed, and keeps the button off until all is well', () => {
    render();
    type(control('input[data-parameter="Prefix"]'), 'App1');
    expect(host.textContent).toContain('Prefix "App1" does not match the pattern [a-z]+ (lowercase letters only).');
    type(control('input[data-parameter="Password"]'), 'short');
    expect(host.textContent).toContain('Password must be at least 8 characters long; it has 5.');
    expect(host.textContent).not.toContain('"short"');
    expect(createButton().disabled).toBe(true);

    type(control('input[data-parameter="Prefix"]'), 'web');
    type(control('input[data-parameter="Password"]'), 'long-enough');
    type(control('select[data-parameter="Env"]'), 'dev');
    expect(createButton().disabled).toBe(true); // the capability is not acknowledged yet
    act(() => control<HTMLInputElement>('[data-testid="capabilities"] input').click());
    expect(createButton().disabled).toBe(false);
    act(() => createButton().click());
    expect(submitted).toEqual([
      {
        stackName: 'acme-app',
        parameters: [
          { key: 'Env', value: 'dev' },
          { key: 'Prefix', value: 'web' },
          { key: 'Password', value: 'long-enough' },
        ],
        tags: [],
        capabilities: ['CAPABILITY_NAMED_IAM'],
      },
    ]);
  });

  it('keeps a NoEcho value out of the page markup, and forgets it once it is sent while keeping the rest', () => {
    const secret = 'CANARYnoEchoInTheForm-0001';
    render();
    type(control('input[data-parameter="Password"]'), secret);
    type(control('input[data-parameter="Prefix"]'), 'web');
    type(control('select[data-parameter="Env"]'), 'dev');
    expect(host.innerHTML).not.toContain(secret);
    act(() => control<HTMLInputElement>('[data-testid="capabilities"] input').click());
    act(() => createButton().click());
    expect(submitted[0]?.parameters).toContainEqual({ key: 'Password', value: secret });
    expect(control<HTMLInputElement>('input[data-parameter="Password"]').value).toBe('');
    expect(control<HTMLInputElement>('input[data-parameter="Prefix"]').value).toBe('web');
    expect(host.innerHTML).not.toContain(secret);
  });

  it('says what is wrong with a stack name, and a production target waits for its account ID', () => {
    render({ ...target, production: true });
    type(control('[data-testid="stack-name"]'), '9lives');
    expect(host.textContent).toContain('"9lives" cannot be a stack name');
    type(control('[data-testid="stack-name"]'), 'acme-app');
    type(control('select[data-parameter="Env"]'), 'prod');
    act(() => control<HTMLInputElement>('[data-testid="capabilities"] input').click());
    expect(createButton().disabled).toBe(true);
    type(control('[data-testid="confirm-account"]'), '123456789013');
    expect(host.textContent).toContain('That is not the account this deploy targets');
    type(control('[data-testid="confirm-account"]'), '1234 5678 9012');
    expect(createButton().disabled).toBe(false);
    act(() => createButton().click());
    expect(submitted[0]?.confirmAccount).toBe('1234 5678 9012');
  });
});
