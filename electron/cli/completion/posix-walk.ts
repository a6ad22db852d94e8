/** How one shell spells what the walk reads: the word at `i`, the word after it, "after `--`". */
export interface WalkSyntax {
  word: string;
  nextWord: string;
  afterDash: string;
}

/**
 * The loop bash and zsh share: walk the finished words of the line, where subcommands deepen the
 * command path, options skip their values, `--home` is remembered for profile lookups, and `--`
 * (where a command takes one) starts another command line. Only the spelling differs by shell.
 */
export function walkFinishedWords(syntax: WalkSyntax, indent = '    '): string {
  return [
    `w=${syntax.word}`,
    `if ${syntax.afterDash}; then`,
    '  :',
    'elif [[ $w == -- ]] && __roledeck_lookup X "$cmdpath" - >/dev/null; then',
    '  dash=$i',
    'elif [[ $w == -* ]]; then',
    "  if [[ $w != *=* ]] && value=$(__roledeck_lookup O \"$cmdpath\" \"$w\") && [[ ${value%%$'\\t'*} != - ]]; then",
    `    [[ $w == --home && $cmdpath == roledeck ]] && __roledeck_home=(--home "${syntax.nextWord}")`,
    '    (( i++ ))',
    '  fi',
    'elif (( npos == 0 )) && __roledeck_lookup S "$cmdpath" "$w" >/dev/null; then',
    '  cmdpath="$cmdpath $w"',
    'else',
    '  (( npos++ ))',
    'fi',
    '(( i++ ))',
  ]
    .map((line) => `${indent}${line}`)
    .join('\n');
}
