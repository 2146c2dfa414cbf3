// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitLabSandbox, type GitLabSandbox } from './server';

describe('GitLab stand-in', () => {
  let gitlab: GitLabSandbox;
  beforeEach(async () => (gitlab = await startGitLabSandbox()));
  afterEach(() => gitlab.close());

  const call = async (method: string, path: string, options: { token?: string | null; bearer?: boolean; body?: unknown } = {}) => {
    const token = options.token === undefined ? gitlab.tokens.valid : options.token;
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers[options.bearer ? 'Authorization' : 'PRIVATE-TOKEN'] = options.bearer ? `Bearer ${token}` : token;
    const response = await fetch(gitlab.url + path, { method, headers, ...(options.body ? { body: JSON.stringify(options.body) } : {}) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* plain text bodies: "Retry later" */
    }
    return { status: response.status, headers: response.headers, body: body as Record<string, unknown> & Array<Record<string, unknown>> };
  };
  const gql = (query: string, variables: Record<string, unknown>, token: string = gitlab.tokens.valid) =>
    call('POST', '/api/graphql', { token, bearer: true, body: { query, variables } });

  it('tells who the token belongs to, by PRIVATE-TOKEN or Bearer, and its scopes and expiry', async () => {
    expect((await call('GET', '/api/v4/user')).body).toMatchObject({ username: 'mitchell.admin', name: 'Mitchell Admin' });
    expect((await call('GET', '/api/v4/user', { bearer: true })).status).toBe(200);
    const self = await call('GET', '/api/v4/personal_access_tokens/self', { token: gitlab.tokens.expiringSoon });
    expect(self.body).toMatchObject({ scopes: ['api'], active: true, revoked: false });
    expect(Date.parse(String(self.body.expires_at)) - Date.now()).toBeLessThan(4 * 86_400_000);
  });

  it('answers 401 like GitLab for a wrong, expired or revoked token', async () => {
    expect(await call('GET', '/api/v4/user', { token: 'glpat-nope' })).toMatchObject({ status: 401, body: { message: '401 Unauthorized' } });
    const expired = await call('GET', '/api/v4/user', { token: gitlab.tokens.expired });
    expect(expired).toMatchObject({ status: 401, body: { error: 'invalid_token', error_description: 'Token has expired.' } });
    expect((await call('GET', '/api/v4/user', { token: gitlab.tokens.revoked })).body).toMatchObject({ error: 'invalid_token' });
    expect(await call('GET', '/api/v4/user', { token: null })).toMatchObject({ status: 401 });
  });

  it('refuses writes with a read_api token: 403 insufficient_scope', async () => {
    const result = await call('POST', '/api/v4/projects/tmf%2Fincidents/issues', { token: gitlab.tokens.readOnly, body: { title: 'x' } });
    expect(result).toMatchObject({ status: 403, body: { error: 'insufficient_scope' } });
    expect(gitlab.issues('tmf/incidents')).toHaveLength(0);
  });

  it('creates an incident by URL-encoded path with labels, confidentiality and severity', async () => {
    const created = await call('POST', '/api/v4/projects/tmf%2Fincidents/issues', {
      body: { title: 'Start status', description: '**x**', labels: 'support,incident', issue_type: 'incident', confidential: true, severity: 'high' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      iid: 1, project_id: 102, issue_type: 'incident', type: 'INCIDENT', severity: 'HIGH', confidential: true, labels: ['support', 'incident'],
      web_url: `${gitlab.url}/tmf/incidents/-/issues/1`, references: { full: 'tmf/incidents#1' }, state: 'opened',
    });
    expect((await call('GET', '/api/v4/projects/102/issues/1')).body).toMatchObject({ title: 'Start status', severity: 'HIGH' });
  });

  it('as older GitLab, ignores severity on create; GraphQL issueSetSeverity sets it and the query reads it', async () => {
    gitlab.setIgnoresSeverityOnCreate(true);
    const created = await call('POST', '/api/v4/projects/102/issues', { body: { title: 'Old', issue_type: 'incident', severity: 'critical' } });
    expect(created.body.severity).toBe('UNKNOWN');
    const set = await gql('mutation($projectPath: ID!, $iid: String!, $severity: IssuableSeverity!) { issueSetSeverity(input: {projectPath: $projectPath, iid: $iid, severity: $severity}) { errors issue { iid severity } } }', {
      projectPath: 'tmf/incidents', iid: '1', severity: 'CRITICAL',
    });
    expect(set.body).toEqual({ data: { issueSetSeverity: { errors: [], issue: { iid: '1', severity: 'CRITICAL' } } } });
    const read = await gql('query($fullPath: ID!, $iid: String!) { project(fullPath: $fullPath) { issue(iid: $iid) { state severity webUrl } } }', { fullPath: 'tmf/incidents', iid: '1' });
    expect(read.body).toMatchObject({ data: { project: { issue: { state: 'opened', severity: 'CRITICAL', webUrl: `${gitlab.url}/tmf/incidents/-/issues/1` } } } });
    expect((await gql('mutation { issueSetSeverity }', { projectPath: 'tmf/finance', iid: '1', severity: 'LOW' })).body).toMatchObject({ data: { issueSetSeverity: null }, errors: [{}] });
    expect((await gql('query { project(fullPath) { issue(iid) } }', { fullPath: 'x', iid: '1' }, 'wrong')).status).toBe(401);
  });

  it('validates like GitLab: title missing, blank, too long', async () => {
    expect(await call('POST', '/api/v4/projects/102/issues', { body: {} })).toMatchObject({ status: 400, body: { error: 'title is missing' } });
    expect(await call('POST', '/api/v4/projects/102/issues', { body: { title: ' ' } })).toMatchObject({ status: 400, body: { message: { title: ["can't be blank"] } } });
    expect(gitlab.issues('tmf/incidents')).toHaveLength(0);
  });

  it('hides projects the engineer cannot see behind 404', async () => {
    expect(await call('GET', '/api/v4/projects/tmf%2Ffinance/issues')).toMatchObject({ status: 404, body: { message: '404 Project Not Found' } });
    expect(await call('GET', '/api/v4/projects/tmf%2Fnope')).toMatchObject({ status: 404 });
    expect(await call('GET', '/api/v4/projects/101/issues/99')).toMatchObject({ status: 404, body: { message: '404 Issue Not Found' } });
  });

  it('searches with GitLab fuzzy semantics, filters and paginates with headers', async () => {
    const found = await call('GET', '/api/v4/projects/tmf%2Fbugs/issues?search=start%20status&in=title,description&state=all&issue_type=issue&per_page=20');
    expect(found.body.map((i) => Number(i.iid)).sort()).toEqual([1, 3]);
    const open = await call('GET', '/api/v4/projects/101/issues?search=start%20status&state=opened');
    expect(open.body.map((i) => i.iid)).toEqual([1]);
    expect((await call('GET', '/api/v4/projects/101/issues?search=start%20fuel')).body).toEqual([]);
    const page = await call('GET', '/api/v4/projects/101/issues?per_page=3&page=1');
    expect(page.body).toHaveLength(3);
    expect(page.headers.get('x-total')).toBe('4');
    expect(page.headers.get('x-total-pages')).toBe('2');
    expect(page.headers.get('x-next-page')).toBe('2');
    expect(page.headers.get('link')).toContain('rel="next"');
  });

  it('links issues (relates_to), refuses duplicates and Premium link types, lists links both ways', async () => {
    await call('POST', '/api/v4/projects/102/issues', { body: { title: 'Incident', issue_type: 'incident' } });
    const link = await call('POST', '/api/v4/projects/102/issues/1/links', { body: { target_project_id: 'tmf/bugs', target_issue_iid: 1, link_type: 'relates_to' } });
    expect(link).toMatchObject({ status: 201, body: { link_type: 'relates_to', source_issue: { iid: 1 }, target_issue: { project_id: 101, iid: 1 } } });
    expect((await call('POST', '/api/v4/projects/102/issues/1/links', { body: { target_project_id: 101, target_issue_iid: 1 } })).status).toBe(409);
    expect((await call('POST', '/api/v4/projects/102/issues/1/links', { body: { target_project_id: 101, target_issue_iid: 2, link_type: 'blocks' } })).status).toBe(403);
    expect((await call('POST', '/api/v4/projects/102/issues/1/links', { body: { target_project_id: 101, target_issue_iid: 77 } })).status).toBe(404);
    const fromBug = await call('GET', '/api/v4/projects/101/issues/1/links');
    expect(fromBug.body).toMatchObject([{ project_id: 102, iid: 1, link_type: 'relates_to' }]);
    expect(gitlab.links()).toHaveLength(1);
  });

  it('fails on demand: 429 with Retry-After, 5xx, network, matched by method and path', async () => {
    gitlab.failNext({ status: 429, retryAfter: 42, path: '/issues' });
    const limited = await call('GET', '/api/v4/projects/101/issues');
    expect(limited.status).toBe(429);
    expect(limited.body).toBe('Retry later');
    expect(limited.headers.get('retry-after')).toBe('42');
    expect((await call('GET', '/api/v4/projects/101/issues')).status).toBe(200);
    gitlab.failNext({ status: 500, method: 'POST' });
    expect((await call('GET', '/api/v4/user')).status).toBe(200);
    expect((await call('POST', '/api/v4/projects/102/issues', { body: { title: 'x' } })).status).toBe(500);
    expect(gitlab.issues('tmf/incidents')).toHaveLength(0);
    gitlab.failNext({ status: 'network' });
    await expect(fetch(`${gitlab.url}/api/v4/user`)).rejects.toThrow();
  });
});
