import type { GuideLine, GuideStep, SetupGuide } from './setup-guide';

/**
 * The setup guide as Markdown (to send) and as a printable HTML page (to print or attach). Every
 * value comes from the customer's setup, so everything is escaped: a customer name like
 * `<script>` or `*ACME*` is printed, never interpreted.
 */

// ----- Markdown (CommonMark) -----

/** Backslash-escapes the ASCII punctuation that starts Markdown syntax mid-line. */
function markdownText(text: string, lineStart: boolean): string {
  const escaped = text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>&|~]/g, '\\$&');
  if (!lineStart) return escaped;
  // At the start of a paragraph, "1." or "1)" opens a list, and #, >, - or + a heading, quote or list.
  const numbered = /^(\s*\d+)([.)])/.exec(escaped);
  if (numbered) return `${numbered[1]}\\${numbered[2]}${escaped.slice(numbered[0].length)}`;
  return escaped.replace(/^(\s*)([#>+-])/, '$1\\$2');
}

/** A code span whose fence is longer than any run of backticks inside it. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function markdownLine(line: GuideLine): string {
  return line
    .map((part, index) => {
      if (typeof part === 'string') return markdownText(part, index === 0);
      if ('ui' in part) return `**${markdownText(part.ui, false)}**`;
      if ('value' in part) return codeSpan(part.value);
      // Angle brackets allow ( ) in the destination; encoded URLs hold no < > or spaces.
      return `[${markdownText(part.text, false)}](<${part.link}>)`;
    })
    .join('');
}

function codeBlock(code: NonNullable<GuideStep['code']>, indent: string): string {
  const longest = Math.max(0, ...(code.content.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = code.content.split('\n').map((line) => `${indent}${line}`.trimEnd());
  return [`${indent}${fence}${code.language}`, ...body, `${indent}${fence}`].join('\n');
}

export function setupGuideMarkdown(guide: SetupGuide): string {
  const out: string[] = [`# ${markdownText(guide.title, false)}`, ''];
  for (const paragraph of guide.intro) out.push(markdownLine(paragraph), '');
  for (const fact of guide.facts) out.push(`- **${markdownText(fact.label, false)}:** ${markdownLine(fact.value)}`);
  out.push('');
  for (const section of guide.sections) {
    out.push(`## ${markdownText(section.heading, false)}`, '');
    if (section.intro) out.push(markdownLine(section.intro), '');
    section.steps.forEach((step, index) => {
      const marker = `${index + 1}. `;
      out.push(`${marker}${markdownLine(step.text)}`);
      if (step.code) out.push('', codeBlock(step.code, ' '.repeat(marker.length)));
      out.push('');
    });
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

// ----- HTML -----

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function htmlLine(line: GuideLine): string {
  return line
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part);
      if ('ui' in part) return `<strong>${escapeHtml(part.ui)}</strong>`;
      if ('value' in part) return `<code>${escapeHtml(part.value)}</code>`;
      // Only https links become links; anything else is printed as text.
      if (!/^https:\/\//i.test(part.link)) return escapeHtml(part.text);
      return `<a href="${escapeHtml(part.link)}" rel="noopener noreferrer">${escapeHtml(part.text)}</a> <span class="url">(${escapeHtml(part.link)})</span>`;
    })
    .join('');
}

const STYLE = `
  :root { color-scheme: light; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a; }
  body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
  code, pre { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
  code { background: #f2f2f2; padding: 0 0.2em; overflow-wrap: anywhere; }
  pre { background: #f6f6f6; border: 1px solid #ddd; padding: 0.6rem; white-space: pre-wrap; overflow-wrap: anywhere; }
  pre code { background: none; padding: 0; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
  .url { display: none; }
  @media print { body { margin: 0; max-width: none; } a { color: inherit; } .url { display: inline; overflow-wrap: anywhere; font-size: 0.8em; } pre, li { break-inside: avoid; } }
`;

export function setupGuideHtml(guide: SetupGuide): string {
  const body: string[] = [`<h1>${escapeHtml(guide.title)}</h1>`];
  for (const paragraph of guide.intro) body.push(`<p>${htmlLine(paragraph)}</p>`);
  body.push('<dl>', ...guide.facts.map((fact) => `<dt>${escapeHtml(fact.label)}</dt><dd>${htmlLine(fact.value)}</dd>`), '</dl>');
  for (const section of guide.sections) {
    body.push('<section>', `<h2>${escapeHtml(section.heading)}</h2>`);
    if (section.intro) body.push(`<p>${htmlLine(section.intro)}</p>`);
    if (section.steps.length > 0) {
      body.push('<ol>');
      for (const step of section.steps) {
        const code = step.code ? `<pre><code class="language-${step.code.language}">${escapeHtml(step.code.content)}</code></pre>` : '';
        body.push(`<li><p>${htmlLine(step.text)}</p>${code}</li>`);
      }
      body.push('</ol>');
    }
    body.push('</section>');
  }
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // A saved page runs nothing and loads nothing: only its own inline style.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(guide.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
