import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countPolicyCharacters, lineColumnAt, scanJson } from '../../../../../shared/logic/iam-policy/json-syntax';

/** V8's own position, when its message has one ("… in JSON at position 7 …"). */
function v8Position(text: string): number | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const match = /at position (\d+)/.exec((error as Error).message);
    return match ? Number(match[1]) : undefined;
  }
}

describe('where broken JSON breaks', () => {
  it.each([
    { name: 'trailing comma in an object', text: '{"a":1,}', position: 7, message: /comma before this }: remove the last comma/ },
    { name: 'trailing comma in a list', text: '[1,]', position: 3, message: /comma before this ]/ },
    { name: 'missing comma between properties', text: '{"a":1 "b":2}', position: 7, message: /is a comma missing/ },
    { name: 'missing colon', text: '{"a" 1}', position: 5, message: /colon \(:\) after "a"/ },
    { name: 'single quotes', text: "{'a':1}", position: 1, message: /double quotes \("\), not single quotes/ },
    { name: 'typographic quotes pasted from a document', text: '{"a":“x”}', position: 5, message: /typographic quote/ },
    { name: 'a line break inside a string', text: '{"a":"x\ny"}', position: 7, message: /string opened at column 6 runs into the end of the line/ },
    { name: 'a tab inside a string', text: '{"a":"x\ty"}', position: 7, message: /a tab \(U\+0009\) inside a string/ },
    { name: 'a bad escape', text: '{"a":"\\x"}', position: 7, message: /backslash/ },
    { name: 'a comment', text: '{"a":1} // note', position: 8, message: /no comments/ },
    { name: 'text after the document', text: '{"a":1}}', position: 7, message: /more text after the end/ },
    { name: 'an unclosed object', text: '{"a":', position: 5, message: /ends before a value/ },
    { name: 'a leading zero', text: '{"a":01}', position: 6, message: /found '1'/ },
    { name: 'a bare word', text: '{"a":yes}', position: 5, message: /expected a value, found 'y'/ },
    { name: 'an invisible byte-order mark', text: '\ufeff{}', position: 0, message: /byte-order mark/ },
  ])('$name', ({ text, position, message }) => {
    const { error } = scanJson(text);
    expect(error?.position).toBe(position);
    expect(error?.message).toMatch(message);
    // Where V8 names a position too, both agree.
    const v8 = v8Position(text);
    if (v8 !== undefined) expect(error?.position).toBe(v8);
  });

  it('a string left open at the end of a line says the closing quote is missing', () => {
    const text = '{\n  "Effect": "Allow\n}';
    const { error } = scanJson(text);
    expect(error?.message).toMatch(/opened at column 13 .* closing double quote \("\) is missing/);
    expect(lineColumnAt(text, error!.position)).toEqual({ line: 2, column: 19 });
  });

  it('a string left open at the end of the text points at its opening quote, where V8 points at the end', () => {
    expect(scanJson('{"a":"abc').error).toMatchObject({ position: 5, message: /string is not closed/ });
  });

  it('finds an error exactly when JSON.parse rejects the text', () => {
    const damaged = fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '"', '}', ']', ':', "'", 'x', ' ')).map(([json, at, insert]) => {
      const index = at % (json.length + 1);
      return `${json.slice(0, index)}${insert}${json.slice(index + 1)}`;
    });
    fc.assert(
      fc.property(damaged, (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(scanJson(text).error === null).toBe(parses);
      }),
      { numRuns: 2000 },
    );
  });

  it('reports keys that appear twice in one object, which JSON.parse silently drops', () => {
    const text = '{\n  "Statement": [],\n  "Statement": [1]\n}';
    expect(scanJson(text).duplicates).toEqual([{ position: 23, key: 'Statement' }]);
    expect(scanJson('{"a":{"b":1},"c":{"b":2}}').duplicates).toEqual([]);
    // Keys compare by what they spell, escapes decoded.
    expect(scanJson('{"a\\nb":1,"anb":2}').duplicates).toEqual([]);
    expect(scanJson('{"a":1,"\\u0061":2}').duplicates).toEqual([{ position: 7, key: 'a' }]);
  });
});

describe('line and column', () => {
  it.each([
    { text: 'abc', position: 0, line: 1, column: 1 },
    { text: 'abc', position: 2, line: 1, column: 3 },
    { text: 'a\nbc', position: 3, line: 2, column: 2 },
    { text: 'a\r\nbc', position: 4, line: 2, column: 2 },
    { text: 'a\rbc', position: 2, line: 2, column: 1 },
    { text: '\n\n\nx', position: 3, line: 4, column: 1 },
  ])('offset $position in $text is line $line, column $column', ({ text, position, line, column }) => {
    expect(lineColumnAt(text, position)).toEqual({ line, column });
  });
});

describe('characters IAM counts', () => {
  it('skips white space between tokens and keeps it inside strings', () => {
    expect(countPolicyCharacters('{ "a b" : [ 1 , 2 ] }')).toBe('{"a b":[1,2]}'.length);
    expect(countPolicyCharacters('{"a":"x\\"  y"}')).toBe('{"a":"x\\"  y"}'.length);
  });

  it('counts an indented document as its compact form', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => countPolicyCharacters(JSON.stringify(value, null, 2)) === JSON.stringify(value).length));
  });
});
