/**
 * The GitLab test button: whose token it is, its scopes and expiry, and for each configured project
 * whether the token can see it and with which role (incidents need at least Reporter).
 */
import type { Settings } from '../settings-schema';
import { apiUrl, inspectToken, tokenProblems, tokenSummary } from '../gitlab/user';
import { report, worst, type CheckReport } from './report';

const PROJECT_LABELS: Record<keyof Settings['gitlab']['projects'], string> = {
  bugs: 'Bugs project',
  incidents: 'Incidents project',
  integration: 'Integration needs project',
};

/** GitLab's access levels (doc/api/members.md). */
const ROLES: Record<number, string> = { 10: 'Guest', 15: 'Planner', 20: 'Reporter', 30: 'Developer', 40: 'Maintainer', 50: 'Owner' };
const REPORTER = 20;

interface ProjectAnswer {
  path_with_namespace?: string;
  permissions?: { project_access?: { access_level?: number } | null; group_access?: { access_level?: number } | null };
}

export async function checkGitLab(
  gitlab: Settings['gitlab'],
  token: string,
  fetchImpl: typeof fetch = fetch,
  now: Date = new Date(),
): Promise<CheckReport> {
  if (!gitlab.host) return report('error', 'Fill in the GitLab address first.');
  if (!token) return report('error', 'Paste your personal access token (scope api) first.');
  const inspection = await inspectToken(gitlab.host, token, fetchImpl);
  if (inspection.kind !== 'ok') return report('error', inspection.sentence);

  const lines = [`The token belongs to @${inspection.user.username} (${inspection.user.name}).`, tokenSummary(inspection.token)];
  const problems = inspection.token ? tokenProblems(inspection.token, now) : [];
  lines.push(...problems);
  const verdicts: CheckReport['verdict'][] = [problems.length > 0 ? 'warning' : 'ok'];

  for (const [key, label] of Object.entries(PROJECT_LABELS) as [keyof typeof PROJECT_LABELS, string][]) {
    const path = gitlab.projects[key];
    if (!path) {
      lines.push(`${label}: not set.`);
      verdicts.push('warning');
      continue;
    }
    const found = await checkProject(gitlab.host, token, path, fetchImpl);
    lines.push(`${label} ${path}: ${found.line}`);
    verdicts.push(found.verdict);
  }
  return { verdict: worst(...verdicts), lines };
}

async function checkProject(
  host: string,
  token: string,
  path: string,
  fetchImpl: typeof fetch,
): Promise<{ verdict: CheckReport['verdict']; line: string }> {
  let response: Response;
  try {
    response = await fetchImpl(apiUrl(host, `/projects/${encodeURIComponent(path)}`), { headers: { 'PRIVATE-TOKEN': token } });
  } catch {
    return { verdict: 'error', line: 'GitLab could not be reached.' };
  }
  if (response.status === 404) {
    return { verdict: 'error', line: 'not found, or your token may not see it (check the path and ask for access).' };
  }
  if (!response.ok) return { verdict: 'error', line: `GitLab answered ${response.status}.` };
  const project = (await response.json().catch(() => ({}))) as ProjectAnswer;
  const level = Math.max(project.permissions?.project_access?.access_level ?? 0, project.permissions?.group_access?.access_level ?? 0);
  if (level === 0) return { verdict: 'ok', line: `found (${project.path_with_namespace ?? path}).` };
  const role = ROLES[level] ?? `access level ${level}`;
  if (level < REPORTER) {
    return { verdict: 'warning', line: `found, but your role is ${role}: creating incidents there needs Reporter or more.` };
  }
  return { verdict: 'ok', line: `found, your role is ${role}.` };
}
