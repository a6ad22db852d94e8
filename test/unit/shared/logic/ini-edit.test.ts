import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isSdkProfileName,
  parseIniDocument,
  removeSection,
  sectionStatus,
  serializeIni,
  upsertSection,
  type IniEntries,
  type RemoveResult,
  type UpsertResult,
} from '../../../../shared/logic/ini-edit';

const HEADER = '[profile acme-prod]';
const MARKER = '# Managed by Roledeck: profile acme-prod - edits here are replaced';
const ENTRIES: IniEntries = { credential_process: '"/usr/local/bin/roledeck" credential-process acme-prod', region: 'eu-west-1' };
const BLOCK = [HEADER, MARKER, 'credential_process = "/usr/local/bin/roledeck" credential-process acme-prod', 'region = eu-west-1'];
const block = (eol = '\n') => BLOCK.join(eol) + eol;

function upsert(text: string, entries: IniEntries = ENTRIES, force = false): string {
  const result = upsertSection(text, HEADER, entries, MARKER, { force });
  if (!result.ok) throw new Error(`upsert refused: ${JSON.stringify(result)}`);
  return result.text;
}
function remove(text: string): string {
  const result = removeSection(text, HEADER, MARKER);
  if (!result.ok) throw new Error(`remove refused: ${JSON.stringify(result)}`);
  return result.text;
}
function refusal(result: UpsertResult | RemoveResult) {
  expect(result.ok).toBe(false);
  return result as Extract<UpsertResult, { ok: false }>;
}

/** What changed between two texts: the one differing window, found from both ends. */
function changedWindow(before: string, after: string): { at: number; removed: string; inserted: string } {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  return { at: prefix, removed: before.slice(prefix, before.length - suffix), inserted: after.slice(prefix, after.length - suffix) };
}

describe('reading a config file line by line', () => {
  it('gives back every byte of any text, whatever it holds', () => {
    const unit = fc.constantFrom('a', 'é', ' ', '\t', '\r', '\n', '\r\n', '[', ']', '#', ';', '=', '\uFEFF', 'profile ', '€');
    fc.assert(fc.property(fc.string({ unit, maxLength: 200 }), (text) => serializeIni(parseIniDocument(text)) === text));
  });

  it('classifies lines the way the AWS SDK reads them', () => {
    const document = parseIniDocument(
      ['# c', '  ; c', '', '   ', '[default]', 'region=eu-west-1 ; note', 's3 =', '  max_concurrent_requests = 10', 'value#kept = x', 'junk', '=x', '[open'].join('\n'),
    );
    expect(document.lines.map((line) => line.kind)).toEqual([
      'comment', 'comment', 'blank', 'blank', 'header', 'property', 'property', 'property', 'property', 'opaque', 'opaque', 'opaque',
    ]);
    expect(document.sections).toEqual([{ header: 4, end: 12, identity: 'profile.default' }]);
  });

  it('names sections as the SDK does: [default] and [profile default] are one profile, quotes and dots are read', () => {
    const text = ['[default]', '[profile default]', '[profile "acme"]', "[profile 'acme']", '[profile.acme]', '[sso-session corp]', '[services s3local]', '[acme]', '[profile  acme]', '[Profile acme]'].join('\n');
    expect(parseIniDocument(text).sections.map((section) => section.identity)).toEqual([
      'profile.default', 'profile.default', 'profile.acme', 'profile.acme', 'profile.acme', 'sso-session.corp', 'services.s3local',
      'unread:acme', 'unread:profile  acme', 'unread:Profile acme',
    ]);
  });

  it('keeps a BOM aside and picks the line ending most lines use', () => {
    const document = parseIniDocument('\uFEFF[default]\r\nregion = x\r\noutput = json\n');
    expect(document.bom).toBe('\uFEFF');
    expect(document.eol).toBe('\r\n');
    expect(document.lines[0]).toEqual({ text: '[default]', eol: '\r\n', kind: 'header' });
    expect(parseIniDocument('[default]').eol).toBe('\n');
  });
});

describe('adding Roledeck\'s section', () => {
  it('writes header, marker and `key = value` lines into an empty file', () => {
    expect(upsertSection('', HEADER, ENTRIES, MARKER)).toEqual({ ok: true, text: block(), change: 'added' });
  });

  it('appends after one blank line and leaves everything above untouched', () => {
    const original = '[default]\nregion = us-east-1\n';
    expect(upsert(original)).toBe(`${original}\n${block()}`);
  });

  it('uses CRLF in a CRLF file', () => {
    const original = '# mine\r\n[default]\r\nregion = us-east-1\r\n';
    expect(upsert(original)).toBe(`${original}\r\n${block('\r\n')}`);
  });

  it('keeps a missing final newline: the block brings its own and ends without one', () => {
    const original = '[default]\nregion = us-east-1';
    const added = upsert(original);
    expect(added).toBe(`${original}\n\n${BLOCK.join('\n')}`);
    expect(added.startsWith(original)).toBe(true);
    expect(remove(added)).toBe(original);
  });

  it('goes above trailing blank lines, so they still end the file', () => {
    const original = '[default]\nregion = us-east-1\n\n   \n';
    expect(upsert(original)).toBe(`[default]\nregion = us-east-1\n\n${block()}\n   \n`);
    expect(remove(upsert(original))).toBe(original);
  });

  it('goes first in a file of blank lines, and after a BOM', () => {
    expect(upsert('\n\n')).toBe(`${block()}\n\n`);
    expect(upsert('\uFEFF')).toBe(`\uFEFF${block()}`);
    expect(upsert('\uFEFF[default]\nregion = x\n')).toBe(`\uFEFF[default]\nregion = x\n\n${block()}`);
  });

  it('follows a sub-section without touching it', () => {
    const original = '[profile dev]\ns3 =\n  max_concurrent_requests = 10\n  addressing_style = path';
    expect(upsert(original)).toBe(`${original}\n\n${BLOCK.join('\n')}`);
  });

  it('writes [default] for the default profile and sees [profile default] as the same one', () => {
    const marker = '# Managed by Roledeck: profile default - edits here are replaced';
    const added = upsertSection('', '[default]', { region: 'eu-west-1' }, marker);
    expect(added).toEqual({ ok: true, text: `[default]\n${marker}\nregion = eu-west-1\n`, change: 'added' });
    expect(refusal(upsertSection('[profile default]\nregion = x\n', '[default]', { region: 'y' }, marker)).reason).toBe('hand-written');
    expect(refusal(upsertSection('[ default ]\nregion = x\n', '[default]', { region: 'y' }, marker))).toMatchObject({ reason: 'malformed', line: 1 });
  });

  it('is idempotent: the same entries again change nothing', () => {
    const once = upsert('[default]\nregion = x\n');
    expect(upsertSection(once, HEADER, ENTRIES, MARKER)).toEqual({ ok: true, text: once, change: 'unchanged' });
  });
});

describe('updating Roledeck\'s section', () => {
  const before = '# top\n[default]\nregion = x\n';
  const after = '\n# about dev\n[profile dev]\nregion = y\n';

  it('replaces only its own lines', () => {
    const text = `${before}\n${block()}${after}`;
    const updated = upsert(text, { credential_process: 'roledeck credential-process acme-prod', region: 'us-west-2' });
    expect(updated).toBe(`${before}\n${HEADER}\n${MARKER}\ncredential_process = roledeck credential-process acme-prod\nregion = us-west-2\n${after}`);
  });

  it('replaces lines the user added inside it, but keeps their comments after its last key', () => {
    const text = `${before}\n${block()}output = text # added by hand\n# my note about the next section\n${after}`;
    const updated = upsert(text, { region: 'us-west-2' });
    expect(updated).toBe(`${before}\n${HEADER}\n${MARKER}\nregion = us-west-2\n# my note about the next section\n${after}`);
  });

  it('keeps the line endings around it, CRLF and a missing final newline included', () => {
    const text = `[default]\r\nregion = x\r\n\r\n${BLOCK.join('\r\n')}`;
    expect(upsert(text, { region: 'us-west-2' })).toBe(`[default]\r\nregion = x\r\n\r\n${HEADER}\r\n${MARKER}\r\nregion = us-west-2`);
  });

  it('drops extra copies of its own section, which the SDK would merge', () => {
    const text = `${block()}\n[profile dev]\nregion = y\n\n${block()}`;
    expect(upsert(text, { region: 'us-west-2' })).toBe(`${HEADER}\n${MARKER}\nregion = us-west-2\n\n[profile dev]\nregion = y\n`);
  });
});

describe('a section the user wrote by hand', () => {
  const handWritten = '[default]\nregion = x\n\n[profile acme-prod] ; mine\n# my comment\nrole_arn = arn:aws:iam::123456789012:role/Deploy\nsource_profile = default\n\n# next\n[profile dev]\nregion = y\n';

  it('is refused without force, with the line of its header', () => {
    expect(upsertSection(handWritten, HEADER, ENTRIES, MARKER)).toEqual({ ok: false, reason: 'hand-written', line: 4 });
    expect(sectionStatus(handWritten, HEADER, MARKER)).toBe('hand-written');
  });

  it('is replaced in place with force; what follows its last key stays', () => {
    const forced = upsert(handWritten, ENTRIES, true);
    expect(forced).toBe(`[default]\nregion = x\n\n${block()}\n# next\n[profile dev]\nregion = y\n`);
    expect(sectionStatus(forced, HEADER, MARKER)).toBe('roledeck');
  });

  it('is never removed', () => {
    expect(refusal(removeSection(handWritten, HEADER, MARKER))).toEqual({ ok: false, reason: 'hand-written', line: 4 });
  });

  it('counts whatever header spelling the SDK reads as that profile', () => {
    for (const header of ['[profile "acme-prod"]', "[profile 'acme-prod']", '[profile.acme-prod]', '  [profile acme-prod]  # x']) {
      expect(refusal(upsertSection(`${header}\nregion = x\n`, HEADER, ENTRIES, MARKER)).reason, header).toBe('hand-written');
    }
  });

  it('next to Roledeck\'s own copy still blocks, and force leaves one section', () => {
    const text = `${block()}\n[profile acme-prod]\nregion = mine\n`;
    expect(sectionStatus(text, HEADER, MARKER)).toBe('hand-written');
    expect(refusal(upsertSection(text, HEADER, ENTRIES, MARKER)).reason).toBe('hand-written');
    expect(refusal(removeSection(text, HEADER, MARKER)).reason).toBe('hand-written');
    expect(upsert(text, ENTRIES, true)).toBe(block());
  });

  it('with a different marker comment (another profile\'s, or edited) is the user\'s', () => {
    const text = `[profile acme-prod]\n# Managed by Roledeck: profile other - edits here are replaced\nregion = x\n`;
    expect(sectionStatus(text, HEADER, MARKER)).toBe('hand-written');
    expect(sectionStatus(`[profile acme-prod]\n\n${MARKER}\nregion = x\n`, HEADER, MARKER)).toBe('hand-written');
  });
});

describe('a file the SDK would misread', () => {
  it.each([
    ['[profile  acme-prod]', 'two spaces'],
    ['[Profile acme-prod]', 'a capital P'],
    ['[ profile acme-prod ]', 'spaces inside the brackets'],
    ['[profile acme-prod', 'no closing bracket'],
    ['[profile acme-prod # prod]', 'a comment inside the brackets'],
    ['[profile acme-prod]]', 'a doubled bracket'],
  ])('refuses when the target header is spelled %s (%s)', (line) => {
    const result = refusal(upsertSection(`[default]\nregion = x\n${line}\nregion = y\n`, HEADER, ENTRIES, MARKER));
    expect(result).toMatchObject({ reason: 'malformed', line: 3 });
    expect((result as { message: string }).message).toContain('looks like the header of profile acme-prod');
    expect((result as { message: string }).message).toContain('Correct it to [profile acme-prod]');
  });

  it('keeps lines it cannot read, and misspellings of other profiles, as they are', () => {
    const original = '[profile  dev]\njunk line\n=x\n[open\nregion = y\n';
    expect(upsert(original)).toBe(`${original}\n${block()}`);
  });

  it('refuses any file with a [profile __proto__] section, which makes the SDK ignore the whole file', () => {
    const result = refusal(upsertSection('[default]\nregion = x\n[profile __proto__]\n', HEADER, ENTRIES, MARKER));
    expect(result).toMatchObject({ reason: 'malformed', line: 3 });
    expect((result as { message: string }).message).toContain('ignore the whole file');
  });
});

describe('removing Roledeck\'s section', () => {
  it('takes it and its separator out from between other sections', () => {
    const text = `[default]\nregion = x\n\n${block()}\n[profile dev]\nregion = y\n`;
    expect(removeSection(text, HEADER, MARKER)).toEqual({ ok: true, text: '[default]\nregion = x\n\n[profile dev]\nregion = y\n', change: 'removed' });
  });

  it('leaves a file without it exactly as it is', () => {
    const text = '[default]\r\nregion = x';
    expect(removeSection(text, HEADER, MARKER)).toEqual({ ok: true, text, change: 'absent' });
    expect(sectionStatus(text, HEADER, MARKER)).toBe('absent');
  });

  it('empties a file that held only it', () => {
    expect(remove(block())).toBe('');
  });
});

describe('what Roledeck refuses to write', () => {
  const invalid = (result: UpsertResult | RemoveResult) => {
    const refused = refusal(result);
    expect(refused.reason).toBe('invalid');
    return (refused as { message: string }).message;
  };

  it('values with line breaks, comment markers, surrounding spaces, or nothing in them', () => {
    expect(invalid(upsertSection('', HEADER, { region: 'eu-west-1\n[profile evil]' }, MARKER))).toContain('line break');
    expect(invalid(upsertSection('', HEADER, { region: 'eu-west-1\r' }, MARKER))).toContain('line break');
    expect(invalid(upsertSection('', HEADER, { credential_process: 'roledeck x # y' }, MARKER))).toContain('cut it short');
    expect(invalid(upsertSection('', HEADER, { credential_process: ';roledeck' }, MARKER))).toContain('cut it short');
    expect(invalid(upsertSection('', HEADER, { region: ' eu-west-1' }, MARKER))).toContain('spaces');
    expect(invalid(upsertSection('', HEADER, { region: '' }, MARKER))).toContain('sub-section');
    expect(invalid(upsertSection('', HEADER, {}, MARKER))).toContain('at least one key');
  });

  it('keys that are not plain names', () => {
    for (const key of ['re gion', 'a=b', 'x\ny', '[x]', '#x', '']) {
      expect(invalid(upsertSection('', HEADER, { [key]: 'v' }, MARKER)), key).toContain('cannot be a config key');
    }
  });

  it('headers with brackets, line breaks, or names the SDK would not read', () => {
    for (const header of ['[profile a]b]', '[profile [a]', '[profile a\n]', 'profile a', '[acme]', '[profile a b]', '[profile __proto__]', '[profile a#b]']) {
      expect(invalid(upsertSection('', header, ENTRIES, MARKER)), header).toContain('header');
      expect(invalid(removeSection('', header, MARKER)), header).toContain('header');
    }
  });

  it('a marker that is not a one-line comment', () => {
    expect(invalid(upsertSection('', HEADER, ENTRIES, 'Managed by Roledeck'))).toContain('marker');
    expect(invalid(upsertSection('', HEADER, ENTRIES, '# a\n# b'))).toContain('marker');
  });

  it('allows non-ASCII values and keeps tabs', () => {
    expect(upsert('', { credential_process: '/home/josé/bin/roledeck\tx' })).toContain('credential_process = /home/josé/bin/roledeck\tx\n');
  });

  it('knows which profile names the SDK reads', () => {
    expect(['acme-prod', 'a.b', 'me@corp', 'x+y', 'p%1', 'a:b/c', 'default', '_'].every(isSdkProfileName)).toBe(true);
    expect(['', 'a b', 'a]', 'é', '__proto__', 'a#b'].some(isSdkProfileName)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over config files made of the lines people really have.

const otherName = fc.constantFrom('dev', 'prod', 'acme', 'acme-prod2', 'corp', 'x.y', 'me@corp', 'default');
const key = fc.constantFrom('region', 'output', 'role_arn', 'source_profile', 'mfa_serial', 'sso_session', 'credential_process');
const value = fc.constantFrom('eu-west-1', 'json', 'arn:aws:iam::123456789012:role/x', 'a b  c', 'x=y', '"quoted # not a comment"', 'été', '');
const configLine = fc.oneof(
  otherName.map((name) => `[profile ${name}]`),
  fc.constant('[default]'),
  otherName.map((name) => `[sso-session ${name}]`),
  otherName.map((name) => `[services ${name}]`),
  otherName.map((name) => `  [profile  ${name}] ; odd`),
  fc.tuple(key, fc.constantFrom('=', ' = ', '   =   ', '= ', '\t=\t'), value, fc.constantFrom('', ' # why', ' ; note', '   ')).map(
    ([name, equals, text, tail]) => `${name}${equals}${text}${tail}`,
  ),
  fc.constantFrom('s3 =', '  max_concurrent_requests = 10', '\taddressing_style = path', 's3 =   ; nested'),
  fc.constantFrom('# comment', '; comment', '   # indented comment', '#', ';;;', '# [profile acme-prod] in a comment'),
  fc.constantFrom('', '', '', '   ', '\t'),
  fc.constantFrom('garbage without equals', '=novalue', '[unclosed', 'odd\rline', 'région = é€'),
);

interface ConfigShape {
  bom: boolean;
  lines: [string, '\n' | '\r\n'][];
  finalNewline: boolean;
}
const configShape = fc.record({
  bom: fc.boolean(),
  lines: fc.array(fc.tuple(configLine, fc.constantFrom<'\n' | '\r\n'>('\n', '\n', '\r\n')), { maxLength: 25 }),
  finalNewline: fc.boolean(),
});
function render({ bom, lines, finalNewline }: ConfigShape): string {
  const body = lines.map(([text, eol], index) => (index === lines.length - 1 && !finalNewline ? text : text + eol)).join('');
  return (bom ? '\uFEFF' : '') + body;
}
const configFile = configShape.map(render);
const entries = fc.dictionary(key, value.filter((text) => text !== '' && !text.includes('#')), { minKeys: 1, maxKeys: 5 });
/** A config that already holds Roledeck's section somewhere, maybe in the middle, maybe last. */
const configWithSection = fc.tuple(configShape, fc.nat(), entries).map(([shape, at, held]) => {
  const lines = [...shape.lines];
  const position = lines.length === 0 ? 0 : at % (lines.length + 1);
  const section = [HEADER, MARKER, ...Object.entries(held).map(([name, text]) => `${name} = ${text}`)];
  lines.splice(position, 0, ...section.map((text) => [text, '\n'] as [string, '\n']));
  return render({ ...shape, lines });
});

describe('byte-for-byte properties', () => {
  it('add then remove gives back the original file exactly', () => {
    fc.assert(
      fc.property(configFile, entries, (original, held) => {
        const added = upsertSection(original, HEADER, held, MARKER);
        expect(added).toMatchObject({ ok: true, change: 'added' });
        if (!added.ok) return;
        expect(sectionStatus(added.text, HEADER, MARKER)).toBe('roledeck');
        expect(removeSection(added.text, HEADER, MARKER)).toEqual({ ok: true, text: original, change: 'removed' });
      }),
      { numRuns: 500 },
    );
  });

  it('adding is one insertion: cut Roledeck\'s block out and the original remains', () => {
    fc.assert(
      fc.property(configFile, entries, (original, held) => {
        const added = upsertSection(original, HEADER, held, MARKER);
        if (!added.ok) throw new Error('refused');
        const window = changedWindow(original, added.text);
        expect(window.removed).toBe('');
        expect(added.text.slice(0, window.at) + added.text.slice(window.at + window.inserted.length)).toBe(original);
        // The insertion holds the block's lines and at most the blank separator besides.
        const eol = parseIniDocument(original).eol;
        const lines = [HEADER, MARKER, ...Object.entries(held).map(([name, text]) => `${name} = ${text}`)].join(eol);
        expect(window.inserted.replaceAll(lines, '').replaceAll(eol, '')).toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('updating changes only Roledeck\'s lines: removing afterwards gives what removing before gave', () => {
    fc.assert(
      fc.property(configWithSection, entries, (text, held) => {
        const updated = upsertSection(text, HEADER, held, MARKER);
        if (!updated.ok) throw new Error(`refused: ${JSON.stringify(updated)}`);
        expect(remove(updated.text)).toBe(remove(text));
        expect(upsertSection(updated.text, HEADER, held, MARKER)).toEqual({ ok: true, text: updated.text, change: 'unchanged' });
      }),
      { numRuns: 500 },
    );
  });

  it('the section reads back as exactly the entries written, with other sections\' lines unchanged', () => {
    fc.assert(
      fc.property(configFile, entries, (original, held) => {
        const added = upsert(original, held);
        const before = parseIniDocument(original);
        const after = parseIniDocument(added);
        const ours = after.sections.find((section) => section.identity === 'profile.acme-prod');
        expect(ours).toBeDefined();
        if (!ours) return;
        const body = after.lines.slice(ours.header + 2, ours.end).filter((line) => line.kind === 'property');
        expect(body.map((line) => line.text)).toEqual(Object.entries(held).map(([name, text]) => `${name} = ${text}`));
        const others = (document: typeof before) =>
          document.sections.filter((section) => section !== ours && section.identity !== 'profile.acme-prod').map((section) => section.identity);
        expect(others(after)).toEqual(others(before));
      }),
      { numRuns: 300 },
    );
  });
});
