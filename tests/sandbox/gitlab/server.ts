/**
 * A stand-in for GitLab (REST /api/v4 and /api/graphql), answering with the shapes and errors of
 * reference/gitlab.md: the issues, incidents, severity and issue links the support team uses.
 *
 * REST (token as `PRIVATE-TOKEN` or `Authorization: Bearer`):
 *   GET  /api/v4/user                                 who the token belongs to
 *   GET  /api/v4/personal_access_tokens/self          the token's scopes and expiry
 *   GET  /api/v4/projects/:id                         :id numeric or URL-encoded path
 *   GET  /api/v4/projects/:id/issues                  search, in, state, issue_type, page, per_page (+ X-Total… headers)
 *   POST /api/v4/projects/:id/issues                  title, description, labels, issue_type, confidential, severity
 *   GET  /api/v4/projects/:id/issues/:iid
 *   GET  /api/v4/projects/:id/issues/:iid/links
 *   POST /api/v4/projects/:id/issues/:iid/links       target_project_id, target_issue_iid, link_type
 * GraphQL (POST /api/graphql, Bearer): `issueSetSeverity` and `project(fullPath){ issue(iid){ … } }`, by
 * variables (the stand-in reads the operation's name, not a full GraphQL parse).
 *
 * Switches: `ignoresSeverityOnCreate` (older GitLab), `failNext(...)` (401, 403, 404, 400, 429, 5xx, network).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GITLAB_PROJECTS, GITLAB_TOKENS, GITLAB_USER, SEED_BUGS } from './seed.ts';

export { GITLAB_PROJECTS, GITLAB_TOKENS, GITLAB_USER, SEED_BUGS } from './seed.ts';

export type GitLabSeverity = 'UNKNOWN' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export interface StoredIssue {
  id: number;
  iid: number;
  projectId: number;
  title: string;
  description: string | null;
  state: 'opened' | 'closed';
  issueType: 'issue' | 'incident' | 'test_case' | 'task';
  labels: string[];
  confidential: boolean;
  severity: GitLabSeverity;
  assignees: Array<{ id: number; username: string; name: string }>;
  authorId: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface StoredLink {
  id: number;
  source: { projectId: number; iid: number };
  target: { projectId: number; iid: number };
  linkType: 'relates_to' | 'blocks' | 'is_blocked_by';
}

export interface GitLabFailure {
  /** An HTTP status to answer with (its GitLab body), or 'network' to drop the connection. */
  status: 400 | 401 | 403 | 404 | 429 | 500 | 502 | 503 | 'network';
  /** Only requests whose method matches (default: any). */
  method?: 'GET' | 'POST';
  /** Only requests whose path (without query) contains this, or matches it (default: any API request). */
  path?: string | RegExp;
  /** For 429: seconds in Retry-After (default 30). */
  retryAfter?: number;
  /** How many matching requests fail (default 1). */
  times?: number;
}

export interface GitLabSandboxOptions {
  port?: number;
  host?: string;
  /** Older GitLab: `severity` on create is silently ignored (set it with GraphQL). */
  ignoresSeverityOnCreate?: boolean;
}

export interface GitLabRequestLogEntry {
  method: string;
  path: string;
  /** The token sent, if any. */
  token: string | null;
  status: number | 'network';
}

export interface GitLabSandbox {
  url: string;
  port: number;
  close(): Promise<void>;
  tokens: typeof GITLAB_TOKENS;
  projects: typeof GITLAB_PROJECTS;
  user: typeof GITLAB_USER;
  /** Issues of a project (by path), in creation order. */
  issues(projectPath: string): StoredIssue[];
  links(): StoredLink[];
  /** Requests received (API only), oldest first. */
  requests(): GitLabRequestLogEntry[];
  failNext(failure: GitLabFailure): void;
  setIgnoresSeverityOnCreate(ignores: boolean): void;
  /** A developer closes (or reopens) an issue, as on gitlab.com. */
  setIssueState(projectPath: string, iid: number, state: 'opened' | 'closed'): void;
  /** Adds an issue as someone else would (for search and links). */
  addIssue(projectPath: string, issue: Partial<StoredIssue> & { title: string }): StoredIssue;
}

interface TokenRecord {
  id: number;
  name: string;
  scopes: string[];
  expiresAt: string | null;
  revoked: boolean;
}

interface Project {
  id: number;
  path: string;
  name: string;
  member: boolean;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === 'string' ? body : JSON.stringify(body));
  }
}

const notFound = (what: string) => new HttpError(404, { message: `404 ${what} Not Found` });
const SEVERITIES: readonly GitLabSeverity[] = ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
const ISSUE_TYPES = ['issue', 'incident', 'test_case', 'task'] as const;
const NOT_AVAILABLE =
  "The resource that you are attempting to access does not exist or you don't have permission to perform this action";

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export async function startGitLabSandbox(options: GitLabSandboxOptions = {}): Promise<GitLabSandbox> {
  let ignoresSeverityOnCreate = options.ignoresSeverityOnCreate ?? false;
  const host = options.host ?? '127.0.0.1';
  const failures: GitLabFailure[] = [];
  const log: GitLabRequestLogEntry[] = [];
  const projects: Project[] = Object.values(GITLAB_PROJECTS).map((p) => ({ ...p, member: p.id !== GITLAB_PROJECTS.secret.id }));
  const issues: StoredIssue[] = [];
  const links: StoredLink[] = [];
  let nextIssueId = 5001;
  let nextLinkId = 901;

  const tokens = new Map<string, TokenRecord>([
    [GITLAB_TOKENS.valid, { id: 1, name: 'support-overlay', scopes: ['api'], expiresAt: daysFromNow(300), revoked: false }],
    [GITLAB_TOKENS.readOnly, { id: 2, name: 'read only', scopes: ['read_api'], expiresAt: daysFromNow(300), revoked: false }],
    [GITLAB_TOKENS.expiringSoon, { id: 3, name: 'expiring', scopes: ['api'], expiresAt: daysFromNow(3), revoked: false }],
    [GITLAB_TOKENS.expired, { id: 4, name: 'expired', scopes: ['api'], expiresAt: daysFromNow(-2), revoked: false }],
    [GITLAB_TOKENS.revoked, { id: 5, name: 'revoked', scopes: ['api'], expiresAt: daysFromNow(300), revoked: true }],
  ]);

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, () => resolve()));
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;

  const projectByPath = (path: string) => projects.find((p) => p.path.toLowerCase() === path.toLowerCase());
  const insertIssue = (project: Project, fields: Partial<StoredIssue> & { title: string }): StoredIssue => {
    const now = new Date().toISOString();
    const issue: StoredIssue = {
      id: nextIssueId++,
      iid: issues.filter((i) => i.projectId === project.id).length + 1,
      projectId: project.id,
      description: null,
      state: 'opened',
      issueType: 'issue',
      labels: [],
      confidential: false,
      severity: 'UNKNOWN',
      assignees: [],
      authorId: GITLAB_USER.id,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      ...fields,
    };
    issues.push(issue);
    return issue;
  };

  const bugs = projectByPath(GITLAB_PROJECTS.bugs.path)!;
  for (const bug of SEED_BUGS) {
    const at = new Date(Date.now() - bug.daysAgo * 86_400_000).toISOString();
    insertIssue(bugs, {
      title: bug.title,
      description: bug.description,
      state: bug.state,
      labels: [...bug.labels],
      authorId: 23,
      assignees: bug.state === 'opened' ? [{ id: 23, username: 'lotte.dev', name: 'Lotte Janssens' }] : [],
      createdAt: at,
      updatedAt: at,
      closedAt: bug.state === 'closed' ? at : null,
    });
  }

  // ---- shapes ----
  const userJson = (id: number) =>
    id === GITLAB_USER.id
      ? { id, username: GITLAB_USER.username, name: GITLAB_USER.name, state: 'active', locked: false, avatar_url: null, web_url: `${url}/${GITLAB_USER.username}` }
      : { id, username: 'lotte.dev', name: 'Lotte Janssens', state: 'active', locked: false, avatar_url: null, web_url: `${url}/lotte.dev` };
  const projectOf = (issue: StoredIssue) => projects.find((p) => p.id === issue.projectId)!;
  const issueWebUrl = (issue: StoredIssue) => `${url}/${projectOf(issue).path}/-/issues/${issue.iid}`;
  const issueJson = (issue: StoredIssue) => {
    const project = projectOf(issue);
    const assignees = issue.assignees.map((a) => ({ ...userJson(a.id), username: a.username, name: a.name }));
    return {
      id: issue.id,
      iid: issue.iid,
      project_id: issue.projectId,
      title: issue.title,
      description: issue.description,
      state: issue.state,
      created_at: issue.createdAt,
      updated_at: issue.updatedAt,
      closed_at: issue.closedAt,
      closed_by: issue.closedAt ? userJson(23) : null,
      labels: issue.labels,
      milestone: null,
      assignees,
      author: userJson(issue.authorId),
      type: issue.issueType.toUpperCase(),
      assignee: assignees[0] ?? null,
      user_notes_count: 0,
      merge_requests_count: 0,
      upvotes: 0,
      downvotes: 0,
      due_date: null,
      confidential: issue.confidential,
      discussion_locked: null,
      issue_type: issue.issueType,
      web_url: issueWebUrl(issue),
      time_stats: { time_estimate: 0, total_time_spent: 0, human_time_estimate: null, human_total_time_spent: null },
      task_completion_status: { count: 0, completed_count: 0 },
      has_tasks: true,
      task_status: '0 of 0 checklist items completed',
      _links: {
        self: `${url}/api/v4/projects/${issue.projectId}/issues/${issue.iid}`,
        notes: `${url}/api/v4/projects/${issue.projectId}/issues/${issue.iid}/notes`,
        award_emoji: `${url}/api/v4/projects/${issue.projectId}/issues/${issue.iid}/award_emoji`,
        project: `${url}/api/v4/projects/${issue.projectId}`,
        closed_as_duplicate_of: null,
      },
      references: { short: `#${issue.iid}`, relative: `#${issue.iid}`, full: `${project.path}#${issue.iid}` },
      severity: issue.severity,
      moved_to_id: null,
      service_desk_reply_to: null,
    };
  };
  const projectJson = (project: Project) => ({
    id: project.id,
    name: project.name,
    path: project.name,
    path_with_namespace: project.path,
    name_with_namespace: project.path.replace('/', ' / '),
    web_url: `${url}/${project.path}`,
    default_branch: 'main',
    visibility: 'private',
  });

  // ---- auth ----
  const tokenOf = (req: IncomingMessage): string | null => {
    const privateToken = req.headers['private-token'];
    if (typeof privateToken === 'string' && privateToken) return privateToken;
    const authorization = req.headers.authorization;
    const bearer = typeof authorization === 'string' ? /^Bearer\s+(.+)$/i.exec(authorization) : null;
    return bearer?.[1]?.trim() ?? null;
  };
  /** The token's record, or the 401 GitLab answers (its own body for expired / revoked tokens). */
  const authenticate = (token: string | null, graphql: boolean): TokenRecord => {
    const record = token ? tokens.get(token) : undefined;
    if (graphql && (!record || record.revoked || (record.expiresAt !== null && record.expiresAt < daysFromNow(0)))) {
      throw new HttpError(401, { errors: [{ message: 'Invalid token' }] });
    }
    if (!record) throw new HttpError(401, { message: '401 Unauthorized' });
    const challenge = (description: string) => ({
      'WWW-Authenticate': `Bearer realm="Protected by OAuth 2.0", error="invalid_token", error_description="${description}"`,
    });
    if (record.revoked) {
      const description = 'Token was revoked. You have to re-authenticate.';
      throw new HttpError(401, { error: 'invalid_token', error_description: description }, challenge(description));
    }
    if (record.expiresAt !== null && record.expiresAt < daysFromNow(0)) {
      const description = 'Token has expired.';
      throw new HttpError(401, { error: 'invalid_token', error_description: description }, challenge(description));
    }
    return record;
  };
  const requireWriteScope = (record: TokenRecord) => {
    if (!record.scopes.includes('api')) {
      throw new HttpError(403, {
        error: 'insufficient_scope',
        error_description: 'The request requires higher privileges than provided by the access token.',
        scope: 'api',
      });
    }
  };
  /** `:id` is a numeric id or a URL-encoded path; a project the engineer is no member of is "not found". */
  const findProject = (rawId: string): Project => {
    const id = decodeURIComponent(rawId);
    const project = /^\d+$/.test(id) ? projects.find((p) => p.id === Number(id)) : projectByPath(id);
    if (!project || !project.member) throw notFound('Project');
    return project;
  };
  const findIssue = (project: Project, rawIid: string): StoredIssue => {
    const issue = issues.find((i) => i.projectId === project.id && String(i.iid) === rawIid);
    if (!issue) throw notFound('Issue');
    return issue;
  };

  // ---- REST ----
  const listIssues = (project: Project, query: URLSearchParams, res: ServerResponse) => {
    let found = issues.filter((i) => i.projectId === project.id);
    const state = query.get('state') ?? 'all';
    if (!['opened', 'closed', 'all'].includes(state)) throw new HttpError(400, { error: 'state does not have a valid value' });
    if (state !== 'all') found = found.filter((i) => i.state === state);
    const issueType = query.get('issue_type');
    if (issueType) {
      if (!(ISSUE_TYPES as readonly string[]).includes(issueType)) throw new HttpError(400, { error: 'issue_type does not have a valid value' });
      found = found.filter((i) => i.issueType === issueType);
    }
    const search = query.get('search');
    if (search) {
      // GitLab's fuzzy search: every word of 3+ characters must appear (ILIKE) in one searched field.
      const fields = (query.get('in') ?? 'title,description').split(',').map((f) => f.trim());
      const words = search.toLowerCase().split(/\s+/).filter((w) => w.length >= 3);
      const matches = (text: string | null) => {
        const lower = (text ?? '').toLowerCase();
        return words.length > 0 ? words.every((w) => lower.includes(w)) : lower.includes(search.toLowerCase());
      };
      found = found.filter((i) => (fields.includes('title') && matches(i.title)) || (fields.includes('description') && matches(i.description)));
    }
    found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id); // order_by created_at, sort desc
    const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 20) || 20));
    const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
    const totalPages = Math.max(1, Math.ceil(found.length / perPage));
    const pageUrl = (p: number) => {
      const copy = new URLSearchParams(query);
      copy.set('page', String(p));
      copy.set('per_page', String(perPage));
      return `<${url}/api/v4/projects/${project.id}/issues?${copy.toString()}>`;
    };
    const linkHeader = [
      ...(page > 1 ? [`${pageUrl(page - 1)}; rel="prev"`] : []),
      ...(page < totalPages ? [`${pageUrl(page + 1)}; rel="next"`] : []),
      `${pageUrl(1)}; rel="first"`,
      `${pageUrl(totalPages)}; rel="last"`,
    ].join(', ');
    sendJson(res, 200, found.slice((page - 1) * perPage, page * perPage).map(issueJson), {
      'X-Page': String(page),
      'X-Per-Page': String(perPage),
      'X-Total': String(found.length),
      'X-Total-Pages': String(totalPages),
      'X-Next-Page': page < totalPages ? String(page + 1) : '',
      'X-Prev-Page': page > 1 ? String(page - 1) : '',
      Link: linkHeader,
    });
  };

  const createIssue = (project: Project, body: Record<string, unknown>, res: ServerResponse) => {
    const title = typeof body.title === 'string' ? body.title : '';
    if (!('title' in body) || body.title === null || body.title === undefined) throw new HttpError(400, { error: 'title is missing' });
    const issueType = body.issue_type === undefined ? 'issue' : String(body.issue_type);
    if (!(ISSUE_TYPES as readonly string[]).includes(issueType)) throw new HttpError(400, { error: 'issue_type does not have a valid value' });
    const problems: Record<string, string[]> = {};
    if (title.trim() === '') problems.title = ["can't be blank"];
    else if (title.length > 255) problems.title = ['is too long (maximum is 255 characters)'];
    const description = typeof body.description === 'string' ? body.description : null;
    if (description && description.length > 1_048_576) problems.description = ['is too long (maximum is 1048576 characters)'];
    if (Object.keys(problems).length > 0) throw new HttpError(400, { message: problems });
    let severity: GitLabSeverity = 'UNKNOWN';
    if (body.severity !== undefined && !ignoresSeverityOnCreate) {
      const wanted = String(body.severity).toUpperCase() as GitLabSeverity;
      if (!SEVERITIES.includes(wanted)) throw new HttpError(400, { error: 'severity does not have a valid value' });
      if (issueType === 'incident') severity = wanted; // only incidents carry a severity
    }
    const labels = (Array.isArray(body.labels) ? body.labels.map(String) : typeof body.labels === 'string' ? body.labels.split(',') : [])
      .map((l) => l.trim())
      .filter(Boolean);
    const issue = insertIssue(project, {
      title,
      description,
      issueType: issueType as StoredIssue['issueType'],
      labels: [...new Set(labels)],
      confidential: body.confidential === true || body.confidential === 'true',
      severity,
    });
    sendJson(res, 201, issueJson(issue));
  };

  const createLink = (project: Project, source: StoredIssue, body: Record<string, unknown>, res: ServerResponse) => {
    if (body.target_project_id === undefined) throw new HttpError(400, { error: 'target_project_id is missing' });
    if (body.target_issue_iid === undefined) throw new HttpError(400, { error: 'target_issue_iid is missing' });
    const linkType = body.link_type === undefined ? 'relates_to' : String(body.link_type);
    if (!['relates_to', 'blocks', 'is_blocked_by'].includes(linkType)) throw new HttpError(400, { error: 'link_type does not have a valid value' });
    if (linkType !== 'relates_to') throw new HttpError(403, { message: '403 Forbidden' }); // blocking links are Premium
    let targetProject: Project;
    let target: StoredIssue;
    try {
      targetProject = findProject(String(body.target_project_id));
      target = findIssue(targetProject, String(body.target_issue_iid));
    } catch {
      throw new HttpError(404, { message: '404 Not found' });
    }
    const same = (a: { projectId: number; iid: number }, b: StoredIssue) => a.projectId === b.projectId && a.iid === b.iid;
    if (links.some((l) => (same(l.source, source) && same(l.target, target)) || (same(l.source, target) && same(l.target, source)))) {
      throw new HttpError(409, { message: 'Issue(s) already assigned' });
    }
    if (source.id === target.id) throw new HttpError(400, { message: 'Cannot link an issue to itself' });
    links.push({
      id: nextLinkId++,
      source: { projectId: project.id, iid: source.iid },
      target: { projectId: targetProject.id, iid: target.iid },
      linkType: 'relates_to',
    });
    sendJson(res, 201, { source_issue: issueJson(source), target_issue: issueJson(target), link_type: linkType });
  };

  const listLinks = (issue: StoredIssue, res: ServerResponse) => {
    const linked = links.flatMap((link) => {
      const other =
        link.source.projectId === issue.projectId && link.source.iid === issue.iid
          ? link.target
          : link.target.projectId === issue.projectId && link.target.iid === issue.iid
            ? link.source
            : null;
      const found = other && issues.find((i) => i.projectId === other.projectId && i.iid === other.iid);
      return found ? [{ ...issueJson(found), issue_link_id: link.id, link_type: link.linkType, link_created_at: issue.createdAt, link_updated_at: issue.createdAt }] : [];
    });
    sendJson(res, 200, linked);
  };

  const rest = async (req: IncomingMessage, path: string, query: URLSearchParams, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const token = tokenOf(req);
    // Anonymous reads of a private project are "not found"; anything else needs a token.
    if (!token && method === 'GET' && path.startsWith('/projects/')) throw notFound('Project');
    const record = authenticate(token, false);
    if (method !== 'GET') requireWriteScope(record);
    const body = method === 'POST' ? await readBody(req) : {};

    if (method === 'GET' && path === '/user') return sendJson(res, 200, { ...userJson(GITLAB_USER.id), email: 'mitchell.admin@tmf.example', is_admin: false });
    if (method === 'GET' && path === '/personal_access_tokens/self') {
      return sendJson(res, 200, {
        id: record.id, name: record.name, revoked: record.revoked, created_at: '2026-01-05T09:00:00.000Z', scopes: record.scopes,
        user_id: GITLAB_USER.id, last_used_at: new Date().toISOString(), active: true, expires_at: record.expiresAt,
      });
    }
    let match = /^\/projects\/([^/]+)$/.exec(path);
    if (match && method === 'GET') return sendJson(res, 200, projectJson(findProject(match[1]!)));
    match = /^\/projects\/([^/]+)\/issues$/.exec(path);
    if (match && method === 'GET') return listIssues(findProject(match[1]!), query, res);
    if (match && method === 'POST') return createIssue(findProject(match[1]!), body, res);
    match = /^\/projects\/([^/]+)\/issues\/(\d+)$/.exec(path);
    if (match && method === 'GET') return sendJson(res, 200, issueJson(findIssue(findProject(match[1]!), match[2]!)));
    match = /^\/projects\/([^/]+)\/issues\/(\d+)\/links$/.exec(path);
    if (match) {
      const project = findProject(match[1]!);
      const issue = findIssue(project, match[2]!);
      if (method === 'GET') return listLinks(issue, res);
      if (method === 'POST') return createLink(project, issue, body, res);
    }
    throw new HttpError(404, { error: '404 Not Found' });
  };

  // ---- GraphQL ----
  const graphql = async (req: IncomingMessage, res: ServerResponse) => {
    const record = authenticate(tokenOf(req), true);
    const { query, variables } = (await readBody(req)) as { query?: unknown; variables?: Record<string, unknown> };
    if (typeof query !== 'string') return sendJson(res, 200, { errors: [{ message: 'No query string was present' }] });
    const vars = variables ?? {};
    if (/\bmutation\b/.test(query) && /issueSetSeverity/.test(query)) {
      if (!record.scopes.includes('api')) {
        return sendJson(res, 200, { data: { issueSetSeverity: null }, errors: [{ message: NOT_AVAILABLE, path: ['issueSetSeverity'] }] });
      }
      const severity = String(vars.severity ?? '');
      if (!SEVERITIES.includes(severity as GitLabSeverity)) {
        return sendJson(res, 200, {
          errors: [{ message: `Variable $severity of type IssuableSeverity! was provided invalid value`, locations: [{ line: 1, column: 50 }] }],
        });
      }
      const project = projectByPath(String(vars.projectPath ?? ''));
      const issue = project?.member ? issues.find((i) => i.projectId === project.id && String(i.iid) === String(vars.iid)) : undefined;
      if (!issue) return sendJson(res, 200, { data: { issueSetSeverity: null }, errors: [{ message: NOT_AVAILABLE, path: ['issueSetSeverity'] }] });
      if (issue.issueType === 'incident') {
        issue.severity = severity as GitLabSeverity; // on a plain issue it silently changes nothing
        issue.updatedAt = new Date().toISOString();
      }
      return sendJson(res, 200, { data: { issueSetSeverity: { errors: [], issue: { iid: String(issue.iid), severity: issue.severity } } } });
    }
    if (/\bproject\s*\(\s*fullPath/.test(query) && /\bissue\s*\(\s*iid/.test(query)) {
      const project = projectByPath(String(vars.fullPath ?? vars.projectPath ?? ''));
      if (!project?.member) return sendJson(res, 200, { data: { project: null } });
      const issue = issues.find((i) => i.projectId === project.id && String(i.iid) === String(vars.iid));
      return sendJson(res, 200, {
        data: { project: { issue: issue ? { iid: String(issue.iid), title: issue.title, state: issue.state, severity: issue.severity, webUrl: issueWebUrl(issue) } : null } },
      });
    }
    return sendJson(res, 200, { errors: [{ message: 'The GitLab stand-in answers only issueSetSeverity and project { issue } (with variables).' }] });
  };

  // ---- dispatch ----
  const takeFailure = (method: string, path: string): GitLabFailure | null => {
    const index = failures.findIndex(
      (f) =>
        (!f.method || f.method === method) &&
        (!f.path || (typeof f.path === 'string' ? path.includes(f.path) : f.path.test(path))),
    );
    if (index < 0) return null;
    const failure = failures[index]!;
    failure.times = (failure.times ?? 1) - 1;
    if (failure.times <= 0) failures.splice(index, 1);
    return failure;
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const parsed = new URL(req.url ?? '/', url);
    const path = parsed.pathname;
    const method = req.method ?? 'GET';
    const entry: GitLabRequestLogEntry = { method, path, token: tokenOf(req), status: 200 };
    const isApi = path.startsWith('/api/');
    if (isApi) log.push(entry);
    res.on('finish', () => (entry.status = res.statusCode));
    try {
      const failure = isApi ? takeFailure(method, path) : null;
      if (failure) {
        if (failure.status === 'network') {
          entry.status = 'network';
          req.socket.destroy();
          return;
        }
        throw failureError(failure);
      }
      if (path === '/api/graphql' && method === 'POST') return await graphql(req, res);
      if (path.startsWith('/api/v4/')) return await rest(req, path.slice('/api/v4'.length), parsed.searchParams, res);
      const issuePage = /^\/(.+)\/-\/(?:issues(?:\/incident)?|work_items)\/(\d+)$/.exec(path);
      if (issuePage && method === 'GET') {
        const project = projectByPath(issuePage[1]!);
        const issue = project && issues.find((i) => i.projectId === project.id && String(i.iid) === issuePage[2]);
        if (issue) return sendHtml(res, 200, `<!doctype html><title>${escapeHtml(issue.title)}</title><h1>${escapeHtml(issue.title)}</h1><p>${issue.state}</p>`);
      }
      throw new HttpError(404, isApi ? { error: '404 Not Found' } : 'Not Found');
    } catch (error) {
      if (error instanceof HttpError) {
        if (typeof error.body === 'string') return sendText(res, error.status, error.body, error.headers);
        return sendJson(res, error.status, error.body, error.headers);
      }
      sendJson(res, 500, { message: '500 Internal Server Error' });
    }
  }

  return {
    url,
    port,
    tokens: GITLAB_TOKENS,
    projects: GITLAB_PROJECTS,
    user: GITLAB_USER,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    issues: (projectPath) => {
      const project = projectByPath(projectPath);
      return project ? issues.filter((i) => i.projectId === project.id).map((i) => ({ ...i })) : [];
    },
    links: () => links.map((l) => ({ ...l })),
    requests: () => log.map((e) => ({ ...e })),
    failNext: (failure) => void failures.push({ ...failure }),
    setIgnoresSeverityOnCreate: (ignores) => void (ignoresSeverityOnCreate = ignores),
    setIssueState(projectPath, iid, state) {
      const issue = issues.find((i) => i.projectId === projectByPath(projectPath)?.id && i.iid === iid);
      if (!issue) throw new Error(`No issue ${projectPath}#${iid}`);
      issue.state = state;
      issue.closedAt = state === 'closed' ? new Date().toISOString() : null;
      issue.updatedAt = new Date().toISOString();
    },
    addIssue(projectPath, fields) {
      const project = projectByPath(projectPath);
      if (!project) throw new Error(`No project ${projectPath}`);
      return { ...insertIssue(project, { authorId: 23, ...fields }) };
    },
  };
}

function failureError(failure: GitLabFailure): HttpError {
  switch (failure.status) {
    case 400:
      return new HttpError(400, { message: { title: ['is too long (maximum is 255 characters)'] } });
    case 401:
      return new HttpError(401, { message: '401 Unauthorized' });
    case 403:
      return new HttpError(403, {
        error: 'insufficient_scope',
        error_description: 'The request requires higher privileges than provided by the access token.',
        scope: 'api',
      });
    case 404:
      return notFound('Project');
    case 429: {
      const retryAfter = String(failure.retryAfter ?? 30);
      const reset = String(Math.floor(Date.now() / 1000) + Number(retryAfter));
      return new HttpError(429, 'Retry later', {
        'Retry-After': retryAfter,
        'RateLimit-Name': 'throttle_authenticated_api',
        'RateLimit-Limit': '60',
        'RateLimit-Observed': '61',
        'RateLimit-Remaining': '0',
        'RateLimit-Reset': reset,
        'RateLimit-ResetTime': new Date(Number(reset) * 1000).toUTCString(),
      });
    }
    case 502:
      return new HttpError(502, '<!DOCTYPE html><html><head><title>GitLab is not responding (502)</title></head><body><h1>502</h1><p>Whoops, GitLab is taking too much time to respond.</p></body></html>', { 'Content-Type': 'text/html; charset=utf-8' });
    case 503:
      return new HttpError(503, { message: '503 Service Unavailable' });
    default:
      return new HttpError(500, { message: '500 Internal Server Error' });
  }
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw new HttpError(400, { error: 'The provided content-type or body is invalid' });
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain', ...headers });
  res.end(body);
}

function sendHtml(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(body);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
