import type { ArtefactLanguage } from '../../../../shared/domain/onboarding-view';

/**
 * Light syntax highlighting for the artefact previews: a tiny tokenizer per language that marks
 * keys, strings, numbers, literals, flags and comments. No editor, no HTML: the tokens are drawn
 * as React text, so nothing in an artefact (a customer name like <script>) is ever interpreted.
 * Anything it does not recognise stays plain text; joined, the tokens are the input exactly.
 */

export type TokenKind = 'key' | 'string' | 'number' | 'literal' | 'punct' | 'comment' | 'flag' | 'plain';
export interface Token {
  kind: TokenKind;
  text: string;
}

const JSON_TOKEN = /("(?:[^"\\\n]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b|([{}[\],:])/g;

function push(tokens: Token[], kind: TokenKind, text: string): void {
  if (text === '') return;
  const last = tokens.at(-1);
  if (last && last.kind === kind) last.text += text;
  else tokens.push({ kind, text });
}

function json(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  for (const match of text.matchAll(JSON_TOKEN)) {
    push(tokens, 'plain', text.slice(at, match.index));
    const [whole, string, colon, number, literal] = match;
    if (string !== undefined) {
      push(tokens, colon ? 'key' : 'string', string);
      if (colon) push(tokens, 'punct', colon);
    } else if (number !== undefined) push(tokens, 'number', whole);
    else if (literal !== undefined) push(tokens, 'literal', whole);
    else push(tokens, 'punct', whole);
    at = match.index + whole.length;
  }
  push(tokens, 'plain', text.slice(at));
  return tokens;
}

const YAML_LINE = /^(\s*(?:- )*)([^\s#'"][^:#]*?|'[^']*'|"[^"]*")(:)(?=\s|$)(.*)$/;

function yamlValue(tokens: Token[], value: string): void {
  const comment = /\s#.*$/.exec(value);
  const body = comment ? value.slice(0, comment.index) : value;
  const trimmed = body.trim();
  const lead = body.slice(0, body.length - body.trimStart().length);
  push(tokens, 'plain', lead);
  if (/^(['"]).*\1$/.test(trimmed)) push(tokens, 'string', trimmed);
  else if (/^-?\d+(\.\d+)?$/.test(trimmed)) push(tokens, 'number', trimmed);
  else if (/^(true|false|null|~)$/.test(trimmed)) push(tokens, 'literal', trimmed);
  else push(tokens, trimmed === '' ? 'plain' : 'string', trimmed);
  push(tokens, 'plain', body.slice(lead.length + trimmed.length));
  if (comment) push(tokens, 'comment', comment[0]);
}

function yaml(text: string): Token[] {
  const tokens: Token[] = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) push(tokens, 'plain', '\n');
    if (/^\s*#/.test(line)) return push(tokens, 'comment', line);
    const keyed = YAML_LINE.exec(line);
    if (keyed) {
      push(tokens, 'punct', keyed[1]!);
      push(tokens, 'key', keyed[2]!);
      push(tokens, 'punct', keyed[3]!);
      return yamlValue(tokens, keyed[4]!);
    }
    const item = /^(\s*- )(.*)$/.exec(line);
    if (item) {
      push(tokens, 'punct', item[1]!);
      return yamlValue(tokens, item[2]!);
    }
    push(tokens, 'plain', line);
  });
  return tokens;
}

function shell(text: string): Token[] {
  const tokens: Token[] = [];
  let first = true;
  let at = 0;
  for (const match of text.matchAll(/'[^']*'|"[^"]*"|\S+/g)) {
    const gap = text.slice(at, match.index);
    if (gap.includes('\n')) first = true;
    push(tokens, 'plain', gap);
    const word = match[0];
    if (/^['"]/.test(word)) push(tokens, 'string', word);
    else if (word.startsWith('--')) push(tokens, 'flag', word);
    else if (first) push(tokens, 'key', word);
    else push(tokens, 'plain', word);
    first = false;
    at = match.index + word.length;
  }
  push(tokens, 'plain', text.slice(at));
  return tokens;
}

export function highlight(text: string, language: ArtefactLanguage): Token[] {
  switch (language) {
    case 'json':
      return json(text);
    case 'yaml':
      return yaml(text);
    case 'shell':
      return shell(text);
    default:
      return [{ kind: 'plain', text }];
  }
}
