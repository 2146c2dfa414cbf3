/**
 * The ticket is the source of truth for its GitLab issues: each one is recorded as an internal note
 * carrying a marked line, `GitLab issue: <url>`. Pure (the sidebar reads the notes, the background
 * writes them through the ticket's tab).
 */
import { issueFromUrl, type IssueRef } from './issue-url';
import { severityLabel, type Severity } from '../support-process/severity';

export const GITLAB_ISSUE_MARK = 'GitLab issue:';

export interface RecordedIssue {
  kind: 'bug-report' | 'incident' | 'need' | 'script-to-fix';
  projectPath: string;
  iid: number;
  webUrl: string;
  severity?: Severity | 'unknown';
  knownBug?: { projectPath: string; iid: number };
}

const KIND_WORDS: Readonly<Record<RecordedIssue['kind'], string>> = {
  'bug-report': 'bug report',
  incident: 'incident',
  need: 'new need',
  'script-to-fix': '“script to fix” issue',
};

/** "Support Overlay: logged incident tmf/incidents#3 in GitLab (severity High – S2), linked to bug tmf/bugs#1." + the marked line. */
export function issueNoteText(issue: RecordedIssue): string {
  const severity = issue.severity && issue.severity !== 'unknown' ? ` (severity ${severityLabel(issue.severity)})` : '';
  const link = issue.knownBug ? `, linked to bug ${issue.knownBug.projectPath}#${issue.knownBug.iid}` : '';
  return `Support Overlay: logged ${KIND_WORDS[issue.kind]} ${issue.projectPath}#${issue.iid} in GitLab${severity}${link}.\n${GITLAB_ISSUE_MARK} ${issue.webUrl}`;
}

/** The GitLab issues recorded in a ticket's notes (HTML or text bodies), oldest first, each once. */
export function issuesInNotes(bodies: readonly string[]): Array<IssueRef & { webUrl: string }> {
  const found: Array<IssueRef & { webUrl: string }> = [];
  for (const body of bodies) {
    const text = body.replace(/<[^>]*>/g, ' ').replace(/&amp;/g, '&');
    for (const match of text.matchAll(/GitLab issue:\s*(https?:\/\/[^\s"'<>]+)/g)) {
      const ref = issueFromUrl(match[1]!);
      if (ref && !found.some((f) => f.host === ref.host && f.projectPath === ref.projectPath && f.iid === ref.iid)) {
        found.push({ ...ref, webUrl: match[1]! });
      }
    }
  }
  return found;
}
