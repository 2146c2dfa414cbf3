/**
 * The GitLab client of the background (the only place that holds the token): @gitbeaker/rest for REST,
 * `fetch` for GraphQL. Every call is tried once: gitbeaker's own retry of 429/502 waits ~0.26 s in total
 * and ignores Retry-After, so failures come back as a GitLabError with the sentence to show, and a 429
 * says how long GitLab asks to wait.
 */
import { Gitlab } from '@gitbeaker/rest';
// A dependency of @gitbeaker/rest: lets the client use its own single-try request handler.
import { createRequesterFn, type FormattedResponse, type RequestOptions } from '@gitbeaker/requester-utils';
import { gitlabTokenItem, type Settings } from '../settings';
import { GitLabError, gitlabErrorFromResponse, networkError, timeoutError } from './errors';

/** Long enough for a slow self-hosted GitLab, far below gitbeaker's 300 s default. */
const QUERY_TIMEOUT_MS = 30_000;

export interface GitLabConnection {
  /** Origin of the GitLab instance, e.g. https://gitlab.com. */
  host: string;
  api: InstanceType<typeof Gitlab<false>>;
  /** Runs a GraphQL operation; GitLab's `errors` become a GitLabError. */
  graphql<T>(query: string, variables: Record<string, unknown>): Promise<T>;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if ((response.headers.get('content-type') ?? '').includes('application/json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** fetch, once, with the GitLab failure turned into a sentence. */
async function fetchOnce(host: string, url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(QUERY_TIMEOUT_MS) });
  } catch (error) {
    if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) throw timeoutError();
    throw networkError(host);
  }
  if (!response.ok) throw gitlabErrorFromResponse(response.status, await readBody(response), response.headers);
  return response;
}

function singleTryRequester(host: string) {
  return createRequesterFn(
    (_, options) => Promise.resolve(options),
    async (endpoint: string, options?: Record<string, unknown>): Promise<FormattedResponse> => {
      const { prefixUrl = '', searchParams, method, headers, body, signal } = (options ?? {}) as RequestOptions;
      const url = new URL(endpoint, prefixUrl.endsWith('/') ? prefixUrl : `${prefixUrl}/`);
      url.search = searchParams ?? '';
      const response = await fetchOnce(host, url.toString(), {
        method: method ?? 'GET',
        ...(headers ? { headers } : {}),
        ...(body ? { body } : {}),
        ...(signal ? { signal } : {}),
      });
      const responseBody = response.status === 204 ? null : await readBody(response);
      return {
        body: responseBody as FormattedResponse['body'],
        headers: Object.fromEntries(response.headers.entries()),
        status: response.status,
      };
    },
  );
}

/** The engineer's GitLab, with their own token (so GitLab shows who acted). */
export async function connectGitLab(settings: Settings): Promise<GitLabConnection> {
  const host = settings.gitlab.host.replace(/\/$/, '');
  if (!host) throw new GitLabError('not-configured', 'Add your GitLab address in the settings first.');
  const token = await gitlabTokenItem.getValue();
  if (!token) {
    throw new GitLabError('no-token', 'Add your GitLab personal access token (scope api) in the extension’s popup first: GitLab then shows you as the author.');
  }
  const api = new Gitlab({ host, token, requesterFn: singleTryRequester(host), queryTimeout: QUERY_TIMEOUT_MS });
  return {
    host,
    api,
    async graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
      const response = await fetchOnce(host, `${host}/api/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const result = (await response.json()) as { data?: T; errors?: Array<{ message?: string }> };
      if (result.errors?.length) {
        const message = result.errors.map((e) => e.message ?? '').filter(Boolean).join('; ');
        throw new GitLabError('invalid', `GitLab refused the request: ${message}.`);
      }
      if (result.data === undefined) throw new GitLabError('server', 'GitLab answered without data. Try again in a moment.');
      return result.data;
    },
  };
}
