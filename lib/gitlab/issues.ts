/**
 * The GitLab operations of the support process (background only): create an issue or incident, set
 * and read its severity, link it to a bug, find a known bug, read the state of linked issues.
 */
import type { Severity } from '../support-process/severity';
import { fromGitLab, toGitLabGraphql } from '../support-process/severity';
import type { GitLabConnection } from './client';
import { GitLabError, inContext } from './errors';
import { ticketMarker, type IssueDraft } from './draft';

/** An issue as the sidebar shows it. */
export interface IssueSummary {
  projectPath: string;
  iid: number;
  title: string;
  state: 'opened' | 'closed';
  /** Incidents only; 'unknown' when none is set. */
  severity: Severity | 'unknown';
  issueType: string;
  webUrl: string;
  assignees: string[];
}

interface RestIssue {
  iid: number;
  title: string;
  state: string;
  severity?: string;
  issue_type?: string;
  web_url: string;
  assignees?: Array<{ name?: string; username?: string }>;
  description?: string | null;
  created_at?: string;
}

function summary(projectPath: string, issue: RestIssue): IssueSummary {
  return {
    projectPath,
    iid: issue.iid,
    title: issue.title,
    state: issue.state === 'closed' ? 'closed' : 'opened',
    severity: fromGitLab(issue.severity ?? 'UNKNOWN'),
    issueType: issue.issue_type ?? 'issue',
    webUrl: issue.web_url,
    assignees: (issue.assignees ?? []).map((a) => a.name ?? a.username ?? '').filter(Boolean),
  };
}

async function named<T>(call: Promise<T>, context: { project: string; iid?: number }): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw inContext(error, context);
  }
}

/** Creates the issue of the draft; severity (incidents) is sent on create, GitLab may ignore it. */
export async function createIssue(gitlab: GitLabConnection, draft: IssueDraft): Promise<IssueSummary> {
  const options: Record<string, unknown> = {
    description: draft.description,
    labels: draft.labels.join(','),
    confidential: draft.confidential,
    issueType: draft.kind === 'incident' ? 'incident' : 'issue',
  };
  if (draft.kind === 'incident' && draft.severity) options.severity = draft.severity; // not in gitbeaker's types; passes through
  const created = (await named(gitlab.api.Issues.create(draft.project, draft.title, options), { project: draft.project })) as unknown as RestIssue;
  return summary(draft.project, created);
}

/** The issue made from this ticket earlier, if a lost answer hid it (found by the ticket marker it carries). */
export async function findIssueFromTicket(gitlab: GitLabConnection, draft: IssueDraft, ticketUrl: string): Promise<IssueSummary | null> {
  // GitLab's search is a substring match: ticket 42's URL is inside ticket 420's, so check the whole marker.
  return findIssueByMarker(gitlab, draft, ticketMarker({ url: ticketUrl }).replace('Odoo ticket: ', ''), `${ticketMarker({ url: ticketUrl })}_`);
}

/** The issue of the draft's project and type whose description holds `marker` (GitLab searched for `search`). */
export async function findIssueByMarker(gitlab: GitLabConnection, draft: IssueDraft, search: string, marker: string): Promise<IssueSummary | null> {
  const found = (await named(
    gitlab.api.Issues.all({
      projectId: draft.project,
      search,
      in: 'description',
      issueType: draft.kind === 'incident' ? 'incident' : 'issue',
      state: 'all',
      perPage: 20,
      maxPages: 1,
    }),
    { project: draft.project },
  )) as unknown as RestIssue[];
  const mine = found.find((issue) => (issue.description ?? '').includes(marker));
  return mine ? summary(draft.project, mine) : null;
}

export async function readIssue(gitlab: GitLabConnection, projectPath: string, iid: number): Promise<IssueSummary> {
  const issue = (await named(gitlab.api.Issues.show(iid, { projectId: projectPath }), { project: projectPath, iid })) as unknown as RestIssue;
  return summary(projectPath, issue);
}

const SET_SEVERITY = `mutation($projectPath: ID!, $iid: String!, $severity: IssuableSeverity!) {
  issueSetSeverity(input: {projectPath: $projectPath, iid: $iid, severity: $severity}) { errors issue { iid severity } }
}`;

const READ_SEVERITY = `query($fullPath: ID!, $iid: String!) {
  project(fullPath: $fullPath) { issue(iid: $iid) { state severity webUrl } }
}`;

/** Sets the severity with GraphQL (older GitLab ignores it on create) and returns what GitLab now holds. */
export async function setSeverity(gitlab: GitLabConnection, projectPath: string, iid: number, severity: Severity): Promise<Severity | 'unknown'> {
  const data = await gitlab.graphql<{ issueSetSeverity: { errors: string[]; issue: { severity: string } | null } | null }>(SET_SEVERITY, {
    projectPath,
    iid: String(iid),
    severity: toGitLabGraphql(severity),
  });
  const payload = data.issueSetSeverity;
  if (!payload) throw new GitLabError('not-found', `GitLab did not find incident #${iid} in “${projectPath}” to set its severity.`);
  if (payload.errors.length > 0) throw new GitLabError('invalid', `GitLab did not set the severity: ${payload.errors.join('; ')}.`);
  return readSeverity(gitlab, projectPath, iid);
}

/** The severity GitLab holds, read back with GraphQL. */
export async function readSeverity(gitlab: GitLabConnection, projectPath: string, iid: number): Promise<Severity | 'unknown'> {
  const data = await gitlab.graphql<{ project: { issue: { severity: string | null } | null } | null }>(READ_SEVERITY, { fullPath: projectPath, iid: String(iid) });
  const issue = data.project?.issue;
  if (!issue) throw new GitLabError('not-found', `Incident #${iid} was not found in “${projectPath}”, or you have no access to it.`);
  return fromGitLab(issue.severity ?? 'UNKNOWN');
}

/** Links the incident to the bug (`relates_to`, GitLab Free). Already linked counts as done. */
export async function linkIssues(
  gitlab: GitLabConnection,
  source: { projectPath: string; iid: number },
  target: { projectPath: string; iid: number },
): Promise<'linked' | 'already-linked'> {
  try {
    await gitlab.api.IssueLinks.create(source.projectPath, source.iid, target.projectPath, target.iid, { linkType: 'relates_to' });
    return 'linked';
  } catch (error) {
    if (error instanceof GitLabError && error.problem === 'conflict') return 'already-linked';
    if (error instanceof GitLabError && error.problem === 'not-found') {
      throw new GitLabError('not-found', `The bug ${target.projectPath}#${target.iid} (or the incident) was not found, or you have no access to it: check the bug you picked.`, error.details);
    }
    throw error;
  }
}

/**
 * Known bugs matching the words, best first: open before closed, then by how many words match (title
 * counts double), then newest. One search per word, because GitLab's search wants every word.
 */
export async function searchBugs(gitlab: GitLabConnection, projectPath: string, words: readonly string[]): Promise<IssueSummary[]> {
  const unique = [...new Set(words.map((w) => w.trim().toLowerCase()).filter((w) => w.length >= 3))].slice(0, 5);
  if (unique.length === 0) return [];
  const pages = await Promise.all(
    unique.map((word) =>
      named(
        gitlab.api.Issues.all({ projectId: projectPath, search: word, in: 'title,description', state: 'all', issueType: 'issue', perPage: 20, maxPages: 1 }),
        { project: projectPath },
      ) as unknown as Promise<RestIssue[]>,
    ),
  );
  const byIid = new Map<number, { issue: RestIssue; score: number }>();
  for (const issue of pages.flat()) {
    if (byIid.has(issue.iid)) continue;
    const title = issue.title.toLowerCase();
    const text = `${title} ${(issue.description ?? '').toLowerCase()}`;
    const score = unique.reduce((sum, word) => sum + (title.includes(word) ? 2 : text.includes(word) ? 1 : 0), 0);
    byIid.set(issue.iid, { issue, score });
  }
  return [...byIid.values()]
    .sort(
      (a, b) =>
        Number(a.issue.state === 'closed') - Number(b.issue.state === 'closed') ||
        b.score - a.score ||
        (b.issue.created_at ?? '').localeCompare(a.issue.created_at ?? ''),
    )
    .slice(0, 10)
    .map(({ issue }) => summary(projectPath, issue));
}
