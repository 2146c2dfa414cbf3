/**
 * Who the engineer is on GitLab and whether their token will keep working, from their own token
 * (background only: the token never leaves it). `GET /user` says who; `GET /personal_access_tokens/self`
 * says the token's scopes and expiry (GitLab 15.5+; older GitLab answers 404 and we say so).
 */
import type { Settings } from '../settings';
import { gitlabTokenItem } from '../settings';
import type { SystemState } from '../messaging';

export interface GitLabUser {
  id: number;
  username: string;
  name: string;
}

/** What `GET /personal_access_tokens/self` tells about the token (null when this GitLab cannot say). */
export interface GitLabTokenFacts {
  name: string;
  scopes: string[];
  /** `YYYY-MM-DD`, or null for a token that never expires. */
  expiresAt: string | null;
}

/** A token is flagged when it will stop working within this many days. */
export const TOKEN_EXPIRY_WARNING_DAYS = 14;

export type TokenInspection =
  | { kind: 'ok'; user: GitLabUser; token: GitLabTokenFacts | null }
  | { kind: 'refused' | 'unreachable' | 'failed'; sentence: string };

const DAY = 24 * 60 * 60 * 1000;

export function apiUrl(host: string, path: string): string {
  return `${host.replace(/\/+$/, '')}/api/v4${path}`;
}

/** Asks GitLab who the token belongs to, then what the token may do. */
export async function inspectToken(host: string, token: string, fetchImpl: typeof fetch = fetch): Promise<TokenInspection> {
  const headers = { 'PRIVATE-TOKEN': token };
  let response: Response;
  try {
    response = await fetchImpl(apiUrl(host, '/user'), { headers });
  } catch {
    return { kind: 'unreachable', sentence: `GitLab at ${host} could not be reached (network down or wrong address?).` };
  }
  if (response.status === 401) {
    return {
      kind: 'refused',
      sentence: 'GitLab refused your token (wrong, expired or revoked): create a new one with scope api and paste it in the settings.',
    };
  }
  if (response.status === 403) {
    return { kind: 'refused', sentence: 'GitLab accepted your token but it may not read your user (scope missing): create one with scope api.' };
  }
  if (response.status === 404) {
    return { kind: 'failed', sentence: `${host} has no GitLab API (/api/v4/user answered 404): check the GitLab address in the settings.` };
  }
  if (!response.ok) return { kind: 'failed', sentence: `GitLab answered ${response.status} to "who am I": try again later.` };
  const user = await readJson<GitLabUser>(response);
  if (!user || typeof user.username !== 'string') {
    return { kind: 'failed', sentence: `${host} answered, but not like GitLab does: check the GitLab address in the settings.` };
  }

  let facts: GitLabTokenFacts | null = null;
  try {
    const self = await fetchImpl(apiUrl(host, '/personal_access_tokens/self'), { headers });
    const body = self.ok ? await readJson<{ name?: unknown; scopes?: unknown; expires_at?: unknown }>(self) : null;
    if (body && Array.isArray(body.scopes)) {
      facts = {
        name: typeof body.name === 'string' ? body.name : '',
        scopes: body.scopes.filter((scope): scope is string => typeof scope === 'string'),
        expiresAt: typeof body.expires_at === 'string' ? body.expires_at : null,
      };
    }
  } catch {
    // Who you are is known; the token's details are a bonus this GitLab could not give.
  }
  return { kind: 'ok', user, token: facts };
}

async function readJson<T>(response: Response): Promise<T | null> {
  try {
    return (await response.json()) as T;
  } catch {
    return null;
  }
}

/** Days until the token stops working (0 = expires today), or null when it never expires. */
export function daysUntilExpiry(expiresAt: string | null, now: Date): number | null {
  if (!expiresAt) return null;
  // GitLab tokens expire at the start of their expiry date (UTC).
  const expiry = Date.parse(`${expiresAt}T00:00:00Z`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((expiry - today) / DAY);
}

/** The one-line fixes for a token: missing `api` scope, expiring soon. Empty when all is well. */
export function tokenProblems(token: GitLabTokenFacts, now: Date): string[] {
  const problems: string[] = [];
  if (!token.scopes.includes('api')) {
    problems.push(
      `Your token has scope ${token.scopes.join(', ') || 'none'} but not api: creating issues will fail. Create a token with scope api and paste it in the settings.`,
    );
  }
  const days = daysUntilExpiry(token.expiresAt, now);
  if (days !== null && days <= 0) {
    problems.push(`Your token expired on ${token.expiresAt}: create a new one with scope api and paste it in the settings.`);
  } else if (days !== null && days <= TOKEN_EXPIRY_WARNING_DAYS) {
    problems.push(
      `Your token expires on ${token.expiresAt} (in ${days} day${days === 1 ? '' : 's'}): create a new one with scope api before then and paste it in the settings.`,
    );
  }
  return problems;
}

/** The token's facts as a line: scopes and expiry. */
export function tokenSummary(token: GitLabTokenFacts | null): string {
  if (!token) return 'This GitLab does not say the token’s scopes or expiry (GitLab older than 15.5).';
  const expiry = token.expiresAt ? `expires on ${token.expiresAt}` : 'never expires';
  return `Token "${token.name}": scopes ${token.scopes.join(', ') || 'none'}; ${expiry}.`;
}

export async function gitlabState(settings: Settings, fetchImpl: typeof fetch = fetch, now: Date = new Date()): Promise<SystemState> {
  if (!settings.gitlab.host) return { state: 'not-configured', detail: 'Add your GitLab address in the settings.' };
  const token = await gitlabTokenItem.getValue();
  if (!token) return { state: 'signed-out', detail: 'Add your GitLab personal access token (scope api) in the settings.' };
  const inspection = await inspectToken(settings.gitlab.host, token, fetchImpl);
  if (inspection.kind !== 'ok') return { state: 'error', detail: inspection.sentence };
  const who = `@${inspection.user.username}`;
  const problems = inspection.token ? tokenProblems(inspection.token, now) : [];
  if (problems.length > 0) return { state: 'warning', who, detail: problems.join(' ') };
  return { state: 'ok', who, detail: `${inspection.user.name}. ${tokenSummary(inspection.token)}` };
}
