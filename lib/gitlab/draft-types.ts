/**
 * GitLab issue drafts, the pure part: what the sidebar sends and shows (no turndown here, so a content
 * script may import these types and constants).
 */
import type { Severity } from '../support-process/severity';

/** What a GitLab record is for, in the process's words. */
export type IssueKind = 'bug-report' | 'incident' | 'need' | 'script-to-fix';

export const ISSUE_KIND_PROJECT: Readonly<Record<IssueKind, 'bugs' | 'incidents' | 'integration'>> = {
  'bug-report': 'bugs',
  incident: 'incidents',
  need: 'integration',
  'script-to-fix': 'bugs',
};

export const DEFAULT_ISSUE_LABELS: Readonly<Record<IssueKind, string[]>> = {
  'bug-report': ['bug', 'support'],
  incident: ['incident', 'support'],
  need: ['need', 'support'],
  'script-to-fix': ['script to fix', 'support'],
};

/** The ticket facts the sidebar sends (intent payload): ids and fields, no token, no URL to call. */
export interface TicketFacts {
  id: number;
  ref: string | null;
  name: string;
  /** The ticket description as Odoo stores it (HTML, customer input). */
  descriptionHtml: string;
  /** The ticket form's address, for the link back. */
  url: string;
  /** Member / partner (Odoo partner_id). */
  customer: string | null;
  customerEmail: string | null;
  /** Odoo priority '0'..'3'. */
  priority: string;
  team: string | null;
}

export interface IssueDraft {
  kind: IssueKind;
  /** Project path, from the settings. */
  project: string;
  title: string;
  /** Markdown. */
  description: string;
  labels: string[];
  confidential: boolean;
  /** Incidents only. */
  severity?: Severity;
}
