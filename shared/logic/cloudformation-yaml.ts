import { isMap, isScalar, isSeq, Pair, parseDocument, YAMLMap } from 'yaml';
import type { CollectionTag, Document, ScalarTag, YAMLError } from 'yaml';
import type { TemplateProblem } from '../domain/deploy-template';

/**
 * Reads a CloudFormation template's text (JSON or YAML) into its long form: every short-form tag
 * becomes the intrinsic function object CloudFormation itself sees (`!GetAtt a.b` →
 * `{ "Fn::GetAtt": ["a", "b"] }`, `!Ref x` → `{ Ref: "x" }`). The `yaml` package does the parsing,
 * with one custom tag per short form and per value kind the function accepts (CloudFormation
 * template reference, "Intrinsic function reference" and "Rule functions").
 *
 * This is the only file in shared/ that imports `yaml`; the renderer does not need it.
 */

export type Form = 'scalar' | 'seq' | 'map';

/** Intrinsic function short form → the kinds of YAML value CloudFormation accepts after it. */
const INTRINSICS: Readonly<Record<string, readonly Form[]>> = {
  Ref: ['scalar'],
  Condition: ['scalar'],
  Sub: ['scalar', 'seq'],
  GetAtt: ['scalar', 'seq'],
  Base64: ['scalar', 'map'],
  ImportValue: ['scalar', 'map'],
  GetAZs: ['scalar', 'map'],
  Join: ['seq'],
  Select: ['seq'],
  Split: ['seq'],
  FindInMap: ['seq'],
  Cidr: ['seq'],
  If: ['seq'],
  Equals: ['seq'],
  And: ['seq'],
  Or: ['seq'],
  Not: ['seq'],
  Transform: ['map'],
};

/** Every short form Roledeck reads (without its `!`) → the kinds of value it takes. */
export const SHORT_FORMS: Readonly<Record<string, readonly Form[]>> = {
  ...INTRINSICS,
  // Rules section functions.
  Contains: ['seq'],
  EachMemberEquals: ['seq'],
  EachMemberIn: ['seq'],
  RefAll: ['scalar'],
  ValueOf: ['seq'],
  ValueOfAll: ['seq'],
  // AWS::LanguageExtensions transform.
  Length: ['seq', 'map'],
  ToJsonString: ['seq', 'map'],
};

/** The short forms Roledeck reads, as written in a template: `!Ref`, `!Sub` … */
export const CLOUDFORMATION_SHORT_FORMS: readonly string[] = Object.keys(SHORT_FORMS).map((name) => `!${name}`);

const FORM_WORDS: Record<Form, string> = { scalar: 'a single value', seq: 'a list', map: 'a mapping' };

/** `Ref` and `Condition` keep their name in the long form; every other function is `Fn::Name`. */
function longName(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/** Marks our own tag errors so they read as a misused short form, not a YAML syntax error. */
const FORM_ERROR = 'Roledeck short form: ';

function scalarTag(name: string): ScalarTag {
  const key = longName(name);
  if (name === 'GetAtt') {
    return {
      tag: '!GetAtt',
      // `!GetAtt Db.Endpoint.Address`: the logical ID has no dots, so the first dot splits it.
      resolve(value, onError) {
        const dot = value.indexOf('.');
        if (dot <= 0 || dot === value.length - 1) {
          onError(`${FORM_ERROR}!GetAtt needs LogicalId.Attribute (as in !GetAtt Bucket.Arn), not "${value}"`);
          return { [key]: [value] };
        }
        return { [key]: [value.slice(0, dot), value.slice(dot + 1)] };
      },
    };
  }
  return { tag: `!${name}`, resolve: (value) => ({ [key]: value }) };
}

function collectionTag(name: string, collection: 'seq' | 'map'): CollectionTag {
  const key = longName(name);
  return {
    tag: `!${name}`,
    collection,
    // A node, not a plain object, so the document's own toJS converts what is inside.
    resolve(value) {
      const wrapper = new YAMLMap();
      wrapper.items.push(new Pair(key, value));
      return wrapper;
    },
  };
}

const CUSTOM_TAGS: Array<ScalarTag | CollectionTag> = Object.entries(SHORT_FORMS).flatMap(([name, forms]) =>
  forms.map((form) => (form === 'scalar' ? scalarTag(name) : collectionTag(name, form))),
);

export type TemplateTextParse =
  | { ok: true; format: 'json' | 'yaml'; body: unknown }
  | { ok: false; problem: TemplateProblem };

/** Parses JSON or YAML template text; short forms come out in their long form. */
export function parseTemplateText(text: string): TemplateTextParse {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // JSON first when it looks like JSON: JSON.parse is several times faster than a YAML parser.
  // When it fails, the YAML parser (a superset) either reads it or says where it broke.
  if (/^\s*[{[]/.test(source)) {
    try {
      return { ok: true, format: 'json', body: JSON.parse(source) as unknown };
    } catch (error) {
      const yaml = parseYaml(source);
      // Not YAML either: JSON's own message is the one a JSON author recognises.
      return yaml.ok ? yaml : jsonProblem(source, error);
    }
  }
  return parseYaml(source);
}

/** "Expected ',' or '}' after property value in JSON at position 31 (line 4 column 5)" → line 4, column 5. */
function jsonProblem(source: string, error: unknown): TemplateTextParse {
  const message = error instanceof Error ? error.message : String(error);
  const offset = Number(/at position (\d+)/.exec(message)?.[1] ?? Number.NaN);
  const before = Number.isNaN(offset) ? undefined : source.slice(0, offset);
  const line = before === undefined ? undefined : before.split('\n').length;
  const column = before === undefined ? undefined : offset - before.lastIndexOf('\n');
  const what = message.replace(/\s*in JSON at position.*$/s, '').replace(/\.$/, '');
  const at = line === undefined ? '' : ` (line ${line}, column ${column})`;
  return {
    ok: false,
    problem: {
      code: 'syntax',
      message: `The template is not valid JSON${at}: ${what}. Fix the file and choose it again.`,
      ...(line === undefined ? {} : { line, column }),
    },
  };
}

function parseYaml(source: string): TemplateTextParse {
  const doc = parseDocument(source, { customTags: CUSTOM_TAGS, logLevel: 'error', prettyErrors: true });
  const error = doc.errors[0];
  const tagWarnings = doc.warnings.filter((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (error) return { ok: false, problem: problemFrom(error, tagWarnings.length) };
  const unresolved = tagWarnings[0];
  if (unresolved) return { ok: false, problem: problemFrom(unresolved, tagWarnings.length - 1) };
  const body: unknown = doc.toJS({ maxAliasCount: 100 });
  keepParameterText(doc, body);
  return { ok: true, format: 'yaml', body };
}

/**
 * Parameter constraints and defaults are strings to CloudFormation. YAML would turn
 * `Default: 012345678901` into the number 12345678901 and `1.10` into 1.1, so they are taken back
 * from the source text exactly as written.
 */
function keepParameterText(doc: Document.Parsed, body: unknown): void {
  const section = doc.get('Parameters', true);
  if (!isMap(section) || !isRecord(body) || !isRecord(body.Parameters)) return;
  const parameters = body.Parameters;
  for (const pair of section.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const target = name === undefined ? undefined : parameters[name];
    if (!isMap(pair.value) || !isRecord(target)) continue;
    for (const attribute of pair.value.items) {
      if (!isScalar(attribute.key)) continue;
      const attributeName = String(attribute.key.value);
      const value = attribute.value;
      if (isScalar(value) && !value.tag && value.source !== undefined) {
        target[attributeName] = value.source;
      } else if (isSeq(value) && value.items.every((item) => isScalar(item) && !item.tag)) {
        target[attributeName] = value.items.map((item) => (isScalar(item) ? (item.source ?? String(item.value)) : ''));
      }
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problemFrom(error: YAMLError, moreTags: number): TemplateProblem {
  const position = error.linePos?.[0];
  const where = position ? { line: position.line, column: position.col } : {};
  const onLine = position ? ` on line ${position.line}` : '';
  const raw = plainMessage(error);
  if (error.code === 'TAG_RESOLVE_FAILED') {
    if (raw.startsWith(FORM_ERROR)) {
      // "!GetAtt needs …" → "!GetAtt on line 4 needs …"
      const text = raw.slice(FORM_ERROR.length);
      const space = text.indexOf(' ');
      return { code: 'tag-form', message: `${text.slice(0, space)}${onLine}${text.slice(space)}.`, ...where };
    }
    const tag = /^Unresolved tag: (\S+)/.exec(raw)?.[1];
    if (tag) return tagProblem(tag, onLine, moreTags, where);
  }
  const at = position ? ` (line ${position.line}, column ${position.col})` : '';
  if (error.code === 'MULTIPLE_DOCS') {
    return {
      code: 'syntax',
      message: `The file holds more than one YAML document${at}: a template is a single document. Remove the --- separator and what follows, or split the file.`,
      ...where,
    };
  }
  return {
    code: 'syntax',
    message: `The template is not valid YAML or JSON${at}: ${raw}. Fix the file and choose it again.`,
    ...where,
  };
}

function tagProblem(
  tag: string,
  onLine: string,
  moreTags: number,
  where: { line?: number; column?: number },
): TemplateProblem {
  const forms = SHORT_FORMS[tag.slice(1)];
  if (forms) {
    const takes = forms.map((form) => FORM_WORDS[form]).join(' or ');
    return {
      code: 'tag-form',
      message: `${tag}${onLine} is followed by the wrong kind of value: it takes ${takes}.`,
      ...where,
    };
  }
  const others = moreTags > 0 ? ` (and ${moreTags} more unknown tag${moreTags === 1 ? '' : 's'})` : '';
  return {
    code: 'unknown-tag',
    message:
      `${tag}${onLine} is not a CloudFormation short form${others}. ` +
      `Check its spelling (the short forms are ${Object.keys(INTRINSICS).map((name) => `!${name}`).join(', ')}), or write the function in its long form (Fn::…).`,
    ...where,
  };
}

/** The parser's message without the position and source excerpt it appends (prettyErrors). */
function plainMessage(error: YAMLError): string {
  const position = error.linePos?.[0];
  const suffix = position ? error.message.indexOf(` at line ${position.line}, column ${position.col}`) : -1;
  const message = suffix >= 0 ? error.message.slice(0, suffix) : error.message;
  return message.trim().replace(/[.:]$/, '');
}
