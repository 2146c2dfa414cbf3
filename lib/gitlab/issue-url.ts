/**
 * Which GitLab issue a pasted URL points to. Pure, like `ticketFromUrl`: the engineer pastes what the
 * browser shows, which depends on the GitLab version and the issue type.
 *
 *   https://gitlab.com/tmf/bugs/-/issues/12                 an issue
 *   https://gitlab.com/tmf/incidents/-/issues/incident/7    an incident, as the incident page shows it
 *   https://gitlab.com/tmf/bugs/-/work_items/12             GitLab 18.10+ work item pages
 *   https://gitlab.com/tmf/bugs/issues/12                   GitLab before 12.x (no "/-/")
 * Subgroups, a trailing slash, a query, a `#note_…` anchor or a sub-page (`/designs/…`) are fine.
 */

export interface IssueRef {
  /** URL host, with the port when there is one ("gitlab.com", "127.0.0.1:8080"). */
  host: string;
  /** "group/subgroup/project". */
  projectPath: string;
  iid: number;
}

const ISSUE_PATH = /^\/(.+?)\/(?:-\/)?(?:issues(?:\/incident)?|work_items)\/(\d+)(?:\/.*)?$/;

export function issueFromUrl(url: string): IssueRef | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const match = ISSUE_PATH.exec(parsed.pathname);
  if (!match) return null;
  let projectPath: string;
  try {
    projectPath = decodeURIComponent(match[1]!).replace(/\/-$/, '');
  } catch {
    return null;
  }
  // Group-level work items (epics) belong to no project.
  if (projectPath.startsWith('groups/') || !projectPath.includes('/')) return null;
  if (projectPath.split('/').some((part) => part === '' || part === '-' || part === '.' || part === '..')) return null;
  const iid = Number(match[2]);
  if (!Number.isSafeInteger(iid) || iid <= 0) return null;
  return { host: parsed.host, projectPath, iid };
}
