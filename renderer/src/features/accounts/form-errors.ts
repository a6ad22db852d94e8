import { ApiError } from '../../api';
import { messageOf } from '../../../../shared/logic/error-message';

/**
 * Where a validation message goes in a form. Messages come from two places: the shared zod
 * schemas run in the form (issues with a path), and the main side, whose messages for one field
 * start with "<field>: " (and whose request-schema refusals read
 * "Invalid request for <channel>: <field>: <rule>; <field>: <rule>"). Anything else belongs to the
 * whole form.
 */
export interface PlacedErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  form: string | null;
}

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/** The first message for each field the form shows; issues about other paths go to the form. */
export function placeIssues<F extends string>(issues: readonly IssueLike[], fields: readonly F[]): PlacedErrors<F> {
  const placed: PlacedErrors<F> = { fields: {}, form: null };
  for (const issue of issues) {
    const head = issue.path[0];
    const field = typeof head === 'string' && (fields as readonly string[]).includes(head) ? (head as F) : null;
    if (field) {
      placed.fields[field] ??= issue.message;
    } else {
      placed.form ??= issue.message;
    }
  }
  return placed;
}

const FIELD_MESSAGE = /^([A-Za-z][\w.]*): (.+)$/s;
const INVALID_REQUEST = /^Invalid request for [\w.]+: (.+)$/s;

/** Splits a message from the main side between the fields it names and the form. */
export function placeServerError<F extends string>(message: string, fields: readonly F[]): PlacedErrors<F> {
  const invalid = INVALID_REQUEST.exec(message);
  // Issues are joined with "; ", which a rule's own words also use ("…has 11 digits; it needs 12"):
  // split only where the next issue's "<field>: " follows.
  const parts = invalid ? invalid[1]!.split(/; (?=[A-Za-z][\w.]*: )/) : [message];
  const issues: IssueLike[] = [];
  const leftover: string[] = [];
  for (const part of parts) {
    const match = FIELD_MESSAGE.exec(part);
    const head = match?.[1]?.split('.')[0];
    if (match && head && (fields as readonly string[]).includes(head)) issues.push({ path: [head], message: match[2]! });
    else leftover.push(part);
  }
  const placed = placeIssues(issues, fields);
  if (leftover.length > 0) placed.form = leftover.length === parts.length ? message : leftover.join('; ');
  return placed;
}

/**
 * Where the main side's refusal of a submit goes. A refusal that names its field (IpcError.field,
 * e.g. the allow-list's refusal of a role name) goes next to that field, through `alias` when the
 * form shows it under another name; a request-schema refusal is split by the field names in its
 * message; anything else belongs to the form.
 */
export function placeApiError<F extends string>(error: unknown, fields: readonly F[], alias: Partial<Record<string, F>> = {}): PlacedErrors<F> {
  const message = messageOf(error);
  const field = error instanceof ApiError && error.code !== 'INVALID_REQUEST' ? error.field?.split('.')[0] : undefined;
  const target = field === undefined ? undefined : (alias[field] ?? ((fields as readonly string[]).includes(field) ? (field as F) : undefined));
  if (target === undefined) return placeServerError(message, fields);
  const prefix = `${field}: `;
  return { fields: { [target]: message.startsWith(prefix) ? message.slice(prefix.length) : message } as Partial<Record<F, string>>, form: null };
}
