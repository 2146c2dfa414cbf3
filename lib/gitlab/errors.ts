/**
 * GitLab failures as one sentence each: what happened and what to do (reference/gitlab.md, "Errors").
 * Pure: built from a status, the body and the headers, so the client, the GraphQL helper and the
 * tests share it.
 */

export type GitLabProblem =
  | 'not-configured'
  | 'no-token'
  | 'token'
  | 'scope'
  | 'forbidden'
  | 'not-found'
  | 'invalid'
  | 'conflict'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout';

export class GitLabError extends Error {
  constructor(
    readonly problem: GitLabProblem,
    message: string,
    readonly details: { status?: number; retryAfterSeconds?: number; field?: string } = {},
  ) {
    super(message);
    this.name = 'GitLabError';
  }
}

/** What the failed call was about, to name it in the sentence. */
export interface GitLabCallContext {
  /** Project path as configured, e.g. "tmf/incidents". */
  project?: string;
  /** Issue number in that project. */
  iid?: number;
}

const NEW_TOKEN = 'create a new personal access token with scope api in GitLab and paste it in the extension’s popup.';

function bodyText(body: unknown, key: 'error' | 'message' | 'error_description'): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const value = (body as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

/** `{"message":{"title":["is too long"]}}` → field "title", "title is too long". */
function validationProblem(body: unknown): { field: string; text: string } | null {
  if (typeof body !== 'object' || body === null) return null;
  const message = (body as Record<string, unknown>).message;
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
  const [field, problems] = Object.entries(message as Record<string, unknown>)[0] ?? [];
  if (!field) return null;
  const first = Array.isArray(problems) ? String(problems[0] ?? 'is not valid') : String(problems);
  return { field, text: field === 'base' ? first : `${field.replace(/_/g, ' ')} ${first}` };
}

/** Retry-After in seconds (GitLab sends seconds; an HTTP date is accepted too). */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function rateLimited(seconds: number): GitLabError {
  return new GitLabError(
    'rate-limited',
    `GitLab asks to wait ${waitText(seconds)} (too many requests). Nothing more was changed: try again after that.`,
    { status: 429, retryAfterSeconds: seconds },
  );
}

export function gitlabErrorFromResponse(
  status: number,
  body: unknown,
  headers: { get(name: string): string | null },
  context: GitLabCallContext = {},
): GitLabError {
  const project = context.project ? `“${context.project}”` : 'this GitLab project';
  switch (true) {
    case status === 401: {
      const expired = /expired/i.test(bodyText(body, 'error_description') ?? '');
      const revoked = /revoked/i.test(bodyText(body, 'error_description') ?? '');
      const what = expired ? 'Your GitLab token has expired' : revoked ? 'Your GitLab token was revoked' : 'GitLab refused your token (wrong, expired or revoked)';
      return new GitLabError('token', `${what}: ${NEW_TOKEN}`, { status });
    }
    case status === 403:
      if (bodyText(body, 'error') === 'insufficient_scope') {
        return new GitLabError('scope', `Your GitLab token can only read (it lacks the api scope): ${NEW_TOKEN}`, { status });
      }
      return new GitLabError(
        'forbidden',
        `GitLab refused: you have no permission for this in ${project} (incidents need at least the Reporter role). Ask a maintainer of the project for access.`,
        { status },
      );
    case status === 404:
      if (context.iid !== undefined) {
        return new GitLabError('not-found', `Issue #${context.iid} was not found in ${project}, or you have no access to it: check the number.`, { status });
      }
      return new GitLabError(
        'not-found',
        `GitLab project ${project} was not found, or you have no access to it: check the project path in the settings, or ask for access.`,
        { status },
      );
    case status === 400 || status === 422: {
      const problem = validationProblem(body);
      const text = problem?.text ?? bodyText(body, 'error') ?? bodyText(body, 'message') ?? 'the request is not valid';
      return new GitLabError('invalid', `GitLab did not accept the issue: ${text}. Correct it and try again.`, {
        status,
        ...(problem ? { field: problem.field } : {}),
      });
    }
    case status === 409:
      return new GitLabError('conflict', `GitLab says: ${bodyText(body, 'message') ?? 'conflict'}.`, { status });
    case status === 429:
      return rateLimited(retryAfterSeconds(headers.get('retry-after')) ?? 60);
    case status >= 500:
      return new GitLabError(
        'server',
        `GitLab is not answering properly (error ${status}): it may be down or being updated. Try again in a few minutes.`,
        { status },
      );
    default:
      return new GitLabError('server', `GitLab answered ${status} unexpectedly. Try again; if it persists, tell the team.`, { status });
  }
}

export function networkError(host: string): GitLabError {
  return new GitLabError('network', `GitLab at ${host} could not be reached (network down or wrong address?). Check your connection and try again.`);
}

export function timeoutError(): GitLabError {
  return new GitLabError('timeout', 'GitLab did not answer in time. Try again in a moment.');
}

/** Names the project / issue in a 404 or 403 raised without that context. */
export function inContext(error: unknown, context: GitLabCallContext): unknown {
  if (!(error instanceof GitLabError) || error.details.status === undefined) return error;
  if (error.problem !== 'not-found' && error.problem !== 'forbidden') return error;
  return gitlabErrorFromResponse(error.details.status, {}, { get: () => null }, context);
}
