/**
 * Control Center page detection: which car and which reservation a Control Center URL is about.
 * Control Center's real URLs are not known to us, so the patterns are settings; these are the defaults.
 *
 * Pattern language (one pattern = one way Control Center may show an id):
 *
 *   [/path]  [?query]  [#/hash-path [?hash-query]]
 *
 * - Two placeholders exist: `:carId` and `:reservationId`. Each stands for a whole path segment
 *   (`/cars/:carId`) or a whole query value (`?reservationId=:reservationId`), at most once per pattern.
 * - A pattern starts with `/`, `?` or `#`; the address (`https://…`) is not part of it.
 * - Path and hash-path: the pattern's segments must appear as consecutive whole segments somewhere in the
 *   URL's path (resp. the part of the hash before its own `?`, `#!` accepted). So a base path
 *   (`/admin/reservations/x`), a sub-page (`/reservations/x/logbook`), a trailing slash or a double slash
 *   do not prevent a match. Literal segments compare case-insensitively.
 * - Query and hash-query: `name=:placeholder` or `name=literal`, joined by `&`, in any order; other
 *   parameters are ignored. A query-only pattern (`?carId=:carId`) also looks in the hash's query,
 *   where hash routers keep their parameters.
 * - Ids are URI-decoded and must be Firebase-key-safe (not empty, no `. # $ [ ] /`, no control characters);
 *   a match whose id is not is no match.
 * - Every matching pattern contributes its ids; when two disagree, the pattern listed first wins.
 */

export type ControlCenterIds = { carId?: string; reservationId?: string };

type Placeholder = keyof ControlCenterIds;

export const DEFAULT_CONTROL_CENTER_PATTERNS: readonly string[] = [
  '/cars/:carId/reservations/:reservationId',
  '/reservations/:reservationId',
  '/cars/:carId',
  '#/cars/:carId/reservations/:reservationId',
  '#/reservations/:reservationId',
  '#/cars/:carId',
  '?reservationId=:reservationId',
  '?carId=:carId',
];

const PLACEHOLDERS: readonly string[] = [':carId', ':reservationId'];

/** Firebase keys may not be empty nor contain . # $ [ ] / or ASCII control characters. */
const FIREBASE_KEY = /^[^.#$[\]/\u0000-\u001f\u007f]+$/;

/** A query part: name and expected value (undefined when the pattern wrote `name` without `=`). */
type QueryPart = [name: string, value: string | undefined];

type ParsedPattern = {
  path: string[];
  query: QueryPart[];
  hashPath: string[];
  hashQuery: QueryPart[];
  queryOnly: boolean;
};

/** null when the pattern is usable, else a sentence saying what to change. */
export function validatePattern(pattern: string): string | null {
  const text = pattern.trim();
  if (text === '') return 'A pattern cannot be empty.';
  if (/\s/.test(text)) return 'A pattern cannot contain spaces.';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    return 'Leave out the address (https://…): start the pattern at the path, e.g. /reservations/:reservationId.';
  }
  if (!/^[/?#]/.test(text)) return 'A pattern starts with /, ? or #, e.g. /reservations/:reservationId.';

  const parts = splitUrlLike(text);
  const queryParts = [...parts.query, ...parts.hashQuery];
  const values: string[] = [...parts.path, ...parts.hashPath];
  for (const [name, value] of queryParts) {
    if (name === '' || value === undefined) return 'Write query parts as name=:reservationId or name=value.';
    if (name.includes(':')) return 'Placeholders go in the query value, e.g. ?reservationId=:reservationId.';
    values.push(value);
  }
  const unknown = text.match(/:[A-Za-z_]\w*/g)?.find((token) => !PLACEHOLDERS.includes(token));
  if (unknown) return `Unknown placeholder ${unknown}: use :carId or :reservationId.`;
  for (const placeholder of PLACEHOLDERS) {
    const inside = values.filter((value) => value.includes(placeholder));
    if (inside.some((value) => value !== placeholder)) {
      return `${placeholder} must fill a whole path segment or query value, e.g. /cars/:carId or ?id=:carId.`;
    }
    if (inside.length > 1) return `${placeholder} appears more than once; use it once per pattern.`;
  }
  if (!values.some((value) => PLACEHOLDERS.includes(value))) return 'A pattern needs :carId or :reservationId.';
  return null;
}

/**
 * The car and reservation a Control Center URL is about, or null when no pattern recognises it.
 * Invalid patterns are skipped (settings validate them with validatePattern).
 */
export function controlCenterIds(url: string, patterns: readonly string[]): ControlCenterIds | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const hash = parsed.hash.replace(/^#!?/, '');
  const hashQueryAt = hash.indexOf('?');
  const page = {
    path: segments(parsed.pathname),
    query: parsed.searchParams,
    hashPath: segments(hashQueryAt < 0 ? hash : hash.slice(0, hashQueryAt)),
    hashQuery: new URLSearchParams(hashQueryAt < 0 ? '' : hash.slice(hashQueryAt + 1)),
  };

  const found: ControlCenterIds = {};
  for (const pattern of patterns) {
    if (validatePattern(pattern) !== null) continue;
    const ids = matchPattern(parsePattern(pattern), page);
    if (!ids) continue;
    found.carId ??= ids.carId;
    found.reservationId ??= ids.reservationId;
  }
  const result: ControlCenterIds = {};
  if (found.carId !== undefined) result.carId = found.carId;
  if (found.reservationId !== undefined) result.reservationId = found.reservationId;
  return Object.keys(result).length > 0 ? result : null;
}

type Page = { path: string[]; query: URLSearchParams; hashPath: string[]; hashQuery: URLSearchParams };

function matchPattern(pattern: ParsedPattern, page: Page): ControlCenterIds | null {
  const ids: ControlCenterIds = {};
  if (pattern.path.length > 0 && !matchSegments(pattern.path, page.path, ids)) return null;
  if (pattern.hashPath.length > 0 && !matchSegments(pattern.hashPath, page.hashPath, ids)) return null;
  if (pattern.hashQuery.length > 0 && !matchQuery(pattern.hashQuery, page.hashQuery, ids)) return null;
  if (pattern.query.length > 0) {
    const inQuery = matchQuery(pattern.query, page.query, ids);
    if (!inQuery && !(pattern.queryOnly && matchQuery(pattern.query, page.hashQuery, ids))) return null;
  }
  return ids;
}

/** The pattern's segments as a consecutive run anywhere in the URL's segments; first run that fits wins. */
function matchSegments(wanted: string[], actual: string[], ids: ControlCenterIds): boolean {
  for (let start = 0; start + wanted.length <= actual.length; start++) {
    const candidate: ControlCenterIds = {};
    const fits = wanted.every((want, i) => {
      const segment = decode(actual[start + i] ?? '');
      return segment !== null && matchValue(want, segment, candidate);
    });
    if (fits) {
      Object.assign(ids, candidate);
      return true;
    }
  }
  return false;
}

function matchQuery(wanted: QueryPart[], actual: URLSearchParams, ids: ControlCenterIds): boolean {
  const candidate: ControlCenterIds = {};
  const fits = wanted.every(([name, want]) => {
    const value = actual.get(name);
    return value !== null && want !== undefined && matchValue(want, value, candidate);
  });
  if (fits) Object.assign(ids, candidate);
  return fits;
}

function matchValue(want: string, value: string, ids: ControlCenterIds): boolean {
  if (want === ':carId' || want === ':reservationId') {
    if (!FIREBASE_KEY.test(value)) return false;
    ids[want.slice(1) as Placeholder] = value;
    return true;
  }
  return want.toLowerCase() === value.toLowerCase();
}

function parsePattern(pattern: string): ParsedPattern {
  const parts = splitUrlLike(pattern.trim());
  return { ...parts, queryOnly: parts.path.length === 0 && parts.hashPath.length === 0 && parts.hashQuery.length === 0 };
}

/** Splits a pattern into path, query, hash-path and hash-query the way a URL is split. */
function splitUrlLike(text: string): Omit<ParsedPattern, 'queryOnly'> {
  const hashAt = text.indexOf('#');
  const main = hashAt < 0 ? text : text.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : text.slice(hashAt + 1).replace(/^!/, '');
  const [path = '', query = ''] = splitOnce(main, '?');
  const [hashPath = '', hashQuery = ''] = splitOnce(hash, '?');
  return { path: segments(path), query: pairs(query), hashPath: segments(hashPath), hashQuery: pairs(hashQuery) };
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

function segments(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function pairs(query: string): QueryPart[] {
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair): QueryPart => {
      const at = pair.indexOf('=');
      return at < 0 ? [pair, undefined] : [pair.slice(0, at), pair.slice(at + 1)];
    });
}

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null; // malformed %-escape: not an id we can trust
  }
}

/**
 * The Control Center address of a reservation's page, from the first pattern that names only
 * `:reservationId` (so the sidebar can open the repair for a ticket's reservation). Null when no pattern
 * does, or the id is not a Firebase key.
 */
export function reservationPageUrl(origin: string, patterns: readonly string[], reservationId: string): string | null {
  if (!origin || !FIREBASE_KEY.test(reservationId)) return null;
  const pattern = patterns.find(
    (candidate) => validatePattern(candidate) === null && candidate.includes(':reservationId') && !candidate.includes(':carId'),
  );
  return pattern ? `${origin}${pattern.trim().replace(':reservationId', encodeURIComponent(reservationId))}` : null;
}
