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
  cause: IncidentCause;
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

export function workflowId(origin: string, ticketId: number): string {
  return `${origin}/${ticketId}`;
}

export function isFinished(workflow: TicketWorkflow): boolean {
  return workflow.steps.every((step) => step.status === 'done' || step.status === 'skipped');
}

/** Odoo steps the background relays to the ticket's tab. */
export type OdooStep = { kind: 'note'; text: string } | { kind: 'stage'; processStage: 'first-line-incident'; note: string };
