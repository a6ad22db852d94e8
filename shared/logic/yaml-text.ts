import type { JsonValue } from '../domain/iam-policy';

/**
 * JSON data as block-style YAML, for CloudFormation templates a person reads before running them.
 * Every string is double-quoted with JSON's escapes (all valid YAML double-quoted escapes) and
 * everything outside printable ASCII is written as \uXXXX, so no value is ever read back as another
 * type: YAML 1.1 parsers take a bare yes, on or 0123 for a boolean or a number. Keys stay bare only
 * when they are plain words (CloudFormation's own names, `sts:ExternalId`) and are quoted otherwise.
 * `shared/` may not import the `yaml` package; tests parse this output with it.
 */

const PLAIN_KEY = /^[A-Za-z][A-Za-z0-9_.:-]*$/;
const YAML_1_1_WORDS = /^(y|n|yes|no|on|off|true|false|null)$/i;

function quoted(text: string): string {
  // Code points, not UTF-16 units: YAML writes one above U+FFFF as \UXXXXXXXX, never as a surrogate pair.
  return JSON.stringify(text).replace(/[^\u0020-\u007e]/gu, (character) => {
    const code = character.codePointAt(0) ?? 0;
    return code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

function key(name: string): string {
  return PLAIN_KEY.test(name) && !name.endsWith(':') && !YAML_1_1_WORDS.test(name) ? name : quoted(name);
}

/** A value that fits on its line: scalars and empty containers; null for everything else. */
function inline(value: JsonValue): string | null {
  if (value === null) return 'null';
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`YAML output got a non-finite number (${value})`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return value.length === 0 ? '[]' : null;
  return Object.keys(value).length === 0 ? '{}' : null;
}

function lines(value: JsonValue, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const single = inline(value);
  if (single !== null) return [`${pad}${single}`];
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const itemInline = inline(item);
      if (itemInline !== null) return [`${pad}- ${itemInline}`];
      // The item's block is indented two more; its first line moves up beside the dash.
      const [first = '', ...rest] = lines(item, indent + 2);
      return [`${pad}- ${first.slice(indent + 2)}`, ...rest];
    });
  }
  return Object.entries(value as Record<string, JsonValue>).flatMap(([name, item]) => {
    const itemInline = inline(item);
    if (itemInline !== null) return [`${pad}${key(name)}: ${itemInline}`];
    return [`${pad}${key(name)}:`, ...lines(item, indent + 2)];
  });
}

export function toYaml(value: JsonValue): string {
  return `${lines(value, 0).join('\n')}\n`;
}
