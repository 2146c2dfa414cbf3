/**
 * A workflow that ends a ticket in GitLab (ARCHITECTURE rule 5): create → severity → link → Odoo note →
 * stage move. Each step records its result in the journal before the next starts, so a retry resumes
 * and never creates a second issue. Pure types: the sidebar and the popup show them.
 */
import type { IncidentCause } from '../support-process/incident';
import type { Severity } from '../support-process/severity';
import type { IssueDraft } from '../gitlab/draft-types';

export type StepId = 'create' | 'severity' | 'link' | 'note' | 'stage';

export type StepStatus = 'pending' | 'done' | 'skipped' | 'failed' | 'waiting';

export interface WorkflowStep {
  id: StepId;
  status: StepStatus;
  /** What was done ("incident tmf/incidents#3 created"), or why it waits / failed. */
  result?: string;
  error?: string;
}

export interface IssueRecord {
  projectPath: string;
  iid: number;
  title: string;
  webUrl: string;
  severity?: Severity | 'unknown';
}

export interface TicketWorkflow {
  /** `${origin}/${ticketId}`: one workflow per ticket. */
  id: string;
  origin: string;
  ticketId: number;
  ticketRef: string | null;
  ticketName: string;
  ticketUrl: string;
  /** The answer to the incident question; absent for a 2nd line issue (no incident, no stage move). */
  cause?: IncidentCause;
  draft: IssueDraft;
  /** The known bug an incident is linked to. */
  knownBug?: IssueRecord;
  steps: WorkflowStep[];
  /** The issue created, once GitLab said so. */
  issue?: IssueRecord;
  /** Create attempts begun: after the first, a lost answer is looked for before creating again. */
  createAttempts: number;
  /** When GitLab asked to wait (429): no GitLab call before this time (ms since epoch). */
  retryAt?: number;
  startedAt: string;
  updatedAt: string;
}

export const STEP_LABEL: Readonly<Record<StepId, string>> = {
  create: 'Create in GitLab',
  severity: 'Severity',
  link: 'Link to the known bug',
  note: 'Note on the ticket',
  stage: 'Move to “1st line: incident”',
};

/** The incident workflow of a ticket is `${origin}/${ticketId}`; a 2nd line issue adds its kind (one of each per ticket). */
export function workflowId(origin: string, ticketId: number, secondLineKind?: string): string {
  return secondLineKind ? `${origin}/${ticketId}/${secondLineKind}` : `${origin}/${ticketId}`;
}

export function isFinished(workflow: TicketWorkflow): boolean {
  return workflow.steps.every((step) => step.status === 'done' || step.status === 'skipped');
}

/** Odoo steps the background relays to the ticket's tab. */
export type OdooStep = { kind: 'note'; text: string } | { kind: 'stage'; processStage: 'first-line-incident'; note: string };

/** 2nd line GitLab actions of the process: open a bug, a new need in the integration project, a script to fix. */
export type SecondLineKind = 'bug-report' | 'need' | 'script-to-fix';
export const SECOND_LINE_KINDS: readonly SecondLineKind[] = ['bug-report', 'need', 'script-to-fix'];

/**
 * A note for an Odoo ticket that the background could not post yet (no tab showed the ticket, or Odoo
 * refused): it is posted, once, when the ticket is next opened, and the popup lists it meanwhile.
 */
export interface WaitingNote {
  id: string;
  origin: string;
  ticketId: number;
  ticketRef: string | null;
  /** Customer text: shown as text only. Null when the ticket was linked by a pasted URL. */
  ticketName: string | null;
  ticketUrl: string;
  /** What the note is, in a few words ("audit of the start-status repair of reservation R"). */
  about: string;
  text: string;
  queuedAt: string;
  /** Why the last attempt failed (an expired Odoo session…); absent while it simply waits for a tab. */
  error?: string;
}
