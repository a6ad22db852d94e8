/**
 * Instant profile search for the Accounts list and the command palette. Matching must finish well
 * inside one frame for 2,000 profiles on every keystroke (DESIGN.md, performance budgets), so each
 * profile's lowercased search text is built once and kept, and a keystroke only runs `includes`
 * over those strings.
 *
 * Ranking: the exact name first, then names starting with the query, then names with a part
 * (after - _ . @ +) starting with it, then names containing it, then matches in the other fields
 * (label, account ID, role name, role ARN, source and chain). With `fuzzy`, names that hold the
 * query's characters in order come last ("acmprd" finds "acme-prod").
 */

/** The fields search looks at; ProfileView satisfies it. */
export interface SearchableProfile {
  readonly name: string;
  readonly label?: string | undefined;
  readonly accountId?: string | undefined;
  readonly roleName?: string | undefined;
  readonly roleArn?: string | undefined;
  readonly sourceName?: string | undefined;
  readonly chain?: readonly string[] | undefined;
}

export const MATCH_RANK = {
  exactName: 0,
  namePrefix: 1,
  nameSegmentPrefix: 2,
  nameSubstring: 3,
  otherField: 4,
  fuzzyName: 5,
} as const;
export type MatchRank = (typeof MATCH_RANK)[keyof typeof MATCH_RANK];
const RANK_COUNT = 6;

interface SearchText {
  /** The name, lowercased. */
  readonly name: string;
  /** The other searchable fields, lowercased, one per line so a match never spans two fields. */
  readonly other: string;
  /** Name and other fields together: what a multi-word query is matched against. */
  readonly key: string;
}

export interface ProfileSearchIndex<T extends SearchableProfile> {
  readonly profiles: readonly T[];
  readonly texts: readonly SearchText[];
}

export interface FilterOptions {
  /** Also accept names holding the query's characters in order (the palette). */
  fuzzy?: boolean;
  /** Stop after this many results (the best ones). */
  limit?: number;
}

// Keyed by the profile object: a list reloaded with the same objects reuses the strings, and
// entries go away with the profiles.
const textCache = new WeakMap<SearchableProfile, SearchText>();

export function searchTextOf(profile: SearchableProfile): SearchText {
  let text = textCache.get(profile);
  if (!text) {
    const other = [
      profile.label,
      profile.accountId,
      profile.roleName,
      profile.roleArn,
      profile.sourceName,
      profile.chain && profile.chain.length > 1 ? profile.chain.join(' ') : undefined,
    ]
      .filter((field): field is string => typeof field === 'string' && field.length > 0)
      .join('\n')
      .toLowerCase();
    const name = profile.name.toLowerCase();
    text = { name, other, key: other ? `${name}\n${other}` : name };
    textCache.set(profile, text);
  }
  return text;
}

/** Precomputes the search text of every profile; build it once per list (memoise it). */
export function buildProfileSearchIndex<T extends SearchableProfile>(profiles: readonly T[]): ProfileSearchIndex<T> {
  return { profiles, texts: profiles.map(searchTextOf) };
}

const SEGMENT_SEPARATORS = '-_.@+';

/** Whether `query` occurs in `name` right after a separator (acme-prod for "prod"), from `from` on. */
function nameHasSegmentPrefix(name: string, query: string, from: number): boolean {
  for (let at = from; at > 0; at = name.indexOf(query, at + 1)) {
    if (SEGMENT_SEPARATORS.includes(name[at - 1]!)) return true;
  }
  return false;
}

function isSubsequence(name: string, compact: string): boolean {
  let from = 0;
  for (const char of compact) {
    const at = name.indexOf(char, from);
    if (at === -1) return false;
    from = at + 1;
  }
  return true;
}

/**
 * How well one profile's search text matches; null when it does not. `query` is lowercased and
 * trimmed, `tokens` its whitespace-separated words, `compact` the query without spaces.
 */
function rankText(text: SearchText, query: string, tokens: readonly string[], compact: string, fuzzy: boolean): MatchRank | null {
  const { name } = text;
  // One scan of the name decides the four name ranks; most profiles fail it and move on.
  const at = name.indexOf(query);
  if (at === 0) return name.length === query.length ? MATCH_RANK.exactName : MATCH_RANK.namePrefix;
  if (at > 0) return nameHasSegmentPrefix(name, query, at) ? MATCH_RANK.nameSegmentPrefix : MATCH_RANK.nameSubstring;
  if (tokens.length === 1 ? text.other.includes(query) : tokens.every((token) => text.key.includes(token))) return MATCH_RANK.otherField;
  if (fuzzy && compact.length > 1 && isSubsequence(name, compact)) return MATCH_RANK.fuzzyName;
  return null;
}

/** Splits what the user typed into the forms matching uses; null when it is blank. */
function normaliseQuery(raw: string): { query: string; tokens: string[]; compact: string } | null {
  const query = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (query === '') return null;
  const tokens = query.split(' ');
  return { query, tokens, compact: tokens.join('') };
}

/** The rank of one profile for `raw` (null: no match); what filterProfiles sorts by. */
export function rankProfile(profile: SearchableProfile, raw: string, options: FilterOptions = {}): MatchRank | null {
  const normalised = normaliseQuery(raw);
  if (!normalised) return MATCH_RANK.otherField;
  return rankText(searchTextOf(profile), normalised.query, normalised.tokens, normalised.compact, options.fuzzy ?? false);
}

/**
 * The profiles matching `raw`, best first; equal ranks keep the index's order. A blank query
 * returns every profile in order. Case-insensitive; words separated by spaces must all match.
 */
export function filterProfiles<T extends SearchableProfile>(index: ProfileSearchIndex<T>, raw: string, options: FilterOptions = {}): T[] {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const normalised = normaliseQuery(raw);
  if (!normalised) return index.profiles.slice(0, Math.min(index.profiles.length, limit));
  const { query, tokens, compact } = normalised;
  const fuzzy = options.fuzzy ?? false;
  // One bucket per rank instead of a sort: linear, and stable by construction.
  const buckets: T[][] = Array.from({ length: RANK_COUNT }, () => []);
  const { profiles, texts } = index;
  for (let i = 0; i < profiles.length; i += 1) {
    const rank = rankText(texts[i]!, query, tokens, compact, fuzzy);
    if (rank !== null) buckets[rank]!.push(profiles[i]!);
  }
  const result: T[] = [];
  for (const bucket of buckets) {
    for (const profile of bucket) {
      if (result.length >= limit) return result;
      result.push(profile);
    }
  }
  return result;
}
