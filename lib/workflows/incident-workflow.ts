/**
 * Runs a ticket's GitLab workflow step by step, recording each result in the journal before the next
 * step starts. GitLab steps run here (background); Odoo steps are relayed to the ticket's tab and wait in
 * the journal while no tab shows the ticket. Running twice at once (double click) joins the same run.
 */
import type { GitLabConnection } from '../gitlab/client';
import { GitLabError, rateLimited } from '../gitlab/errors';
import { createIssue, findIssueFromTicket, linkIssues, setSeverity } from '../gitlab/issues';
import { issueNoteText } from '../gitlab/issue-note';
import { severityLabel } from '../support-process/severity';
import { isFinished, type OdooStep, type StepId, type TicketWorkflow, type WorkflowStep } from './types';

export interface WorkflowJournal {
  get(id: string): Promise<TicketWorkflow | undefined>;
  put(workflow: TicketWorkflow): Promise<void>;
}

export interface WorkflowDeps {
  journal: WorkflowJournal;
  gitlab(): Promise<GitLabConnection>;
  /** Runs an Odoo step in a tab showing the ticket: its result sentence, or null when no such tab is open. */
  runOdooStep(workflow: TicketWorkflow, step: OdooStep): Promise<string | null>;
  now?(): number;
}

const ODOO_WAIT = 'Waits for the ticket to be opened in Odoo (it runs in the ticket’s tab).';

/** The steps of a new workflow: severity only for incidents, link only for a known bug. */
export function initialSteps(workflow: Pick<TicketWorkflow, 'draft' | 'knownBug' | 'cause'>): WorkflowStep[] {
  const incident = workflow.draft.kind === 'incident';
  return [
    { id: 'create', status: 'pending' },
    incident && workflow.draft.severity ? { id: 'severity', status: 'pending' } : { id: 'severity', status: 'skipped' },
    incident && workflow.knownBug ? { id: 'link', status: 'pending' } : { id: 'link', status: 'skipped' },
    { id: 'note', status: 'pending' },
    // Only the incident decision ends in "1st line: incident"; 2nd line issues leave the stage as it is.
    workflow.cause ? { id: 'stage', status: 'pending' } : { id: 'stage', status: 'skipped' },
  ];
}

const running = new Map<string, Promise<TicketWorkflow>>();

/** Runs (or resumes) the workflow; concurrent calls for the same workflow share one run. */
export function runWorkflow(id: string, deps: WorkflowDeps): Promise<TicketWorkflow> {
  const current = running.get(id);
  if (current) return current;
  const run = runSteps(id, deps).finally(() => running.delete(id));
  running.set(id, run);
  return run;
}

async function runSteps(id: string, deps: WorkflowDeps): Promise<TicketWorkflow> {
  const now = deps.now ?? Date.now;
  let workflow = await deps.journal.get(id);
  if (!workflow) throw new Error('This workflow is no longer in the journal. Start again from the ticket.');
  const save = async (stepId: StepId, change: Partial<WorkflowStep>, extra: Partial<TicketWorkflow> = {}) => {
    workflow = {
      ...workflow!,
      ...extra,
      steps: workflow!.steps.map((step) => {
        if (step.id !== stepId) return step;
        const { error: _error, result: _result, ...rest } = step;
        return { ...rest, ...change };
      }),
      updatedAt: new Date(now()).toISOString(),
    };
    await deps.journal.put(workflow);
  };

  for (const step of workflow.steps) {
    if (step.status === 'done' || step.status === 'skipped') continue;
    try {
      const outcome = await runStep(step.id, workflow, deps, now, async (extra) => {
        workflow = { ...workflow!, ...extra, updatedAt: new Date(now()).toISOString() };
        await deps.journal.put(workflow);
      });
      if (outcome === 'waiting') {
        await save(step.id, { status: 'waiting', result: ODOO_WAIT });
        return workflow; // later steps wait too: the stage moves only after the note
      }
      await save(step.id, { status: 'done', result: outcome.result }, outcome.extra ?? {});
    } catch (error) {
      const message = error instanceof Error && error.message ? error.message : 'Something went wrong. Try again.';
      const retryAt = error instanceof GitLabError && error.details.retryAfterSeconds !== undefined ? now() + error.details.retryAfterSeconds * 1000 : undefined;
      await save(step.id, { status: 'failed', error: message }, retryAt !== undefined ? { retryAt } : {});
      return workflow;
    }
  }
  return workflow;
}

type StepOutcome = { result: string; extra?: Partial<TicketWorkflow> } | 'waiting';

async function runStep(
  stepId: StepId,
  workflow: TicketWorkflow,
  deps: WorkflowDeps,
  now: () => number,
  record: (extra: Partial<TicketWorkflow>) => Promise<void>,
): Promise<StepOutcome> {
  const gitlab = async () => {
    if (workflow.retryAt && workflow.retryAt > now()) throw rateLimited(Math.ceil((workflow.retryAt - now()) / 1000));
    return deps.gitlab();
  };
  const { draft } = workflow;
  switch (stepId) {
    case 'create': {
      if (workflow.issue) return { result: `${draft.kind === 'incident' ? 'Incident' : 'Issue'} ${workflow.issue.projectPath}#${workflow.issue.iid} created` };
      const connection = await gitlab();
      // A previous attempt may have created it and lost the answer: look for it before creating again.
      const earlier = workflow.createAttempts > 0 ? await findIssueFromTicket(connection, draft, workflow.ticketUrl) : null;
      await record({ createAttempts: workflow.createAttempts + 1 });
      const issue = earlier ?? (await createIssue(connection, draft));
      const what = { incident: 'Incident', 'bug-report': 'Bug report', need: 'New need', 'script-to-fix': '“Script to fix” issue' }[draft.kind];
      return {
        result: `${what} ${issue.projectPath}#${issue.iid} created`,
        extra: { issue: { projectPath: issue.projectPath, iid: issue.iid, title: issue.title, webUrl: issue.webUrl, severity: issue.severity } },
      };
    }
    case 'severity': {
      const issue = workflow.issue!;
      const wanted = draft.severity!;
      if (issue.severity === wanted) return { result: `Severity ${severityLabel(wanted)} (GitLab took it on create)` };
      const held = await setSeverity(await gitlab(), issue.projectPath, issue.iid, wanted);
      if (held !== wanted) {
        throw new GitLabError('invalid', `GitLab kept the severity ${held === 'unknown' ? 'unset' : severityLabel(held)} instead of ${severityLabel(wanted)}. Set it in GitLab, then retry.`);
      }
      return { result: `Severity ${severityLabel(held)} (set with GraphQL: this GitLab ignores it on create)`, extra: { issue: { ...issue, severity: held } } };
    }
    case 'link': {
      const issue = workflow.issue!;
      const bug = workflow.knownBug!;
      const outcome = await linkIssues(await gitlab(), issue, bug);
      return { result: `${outcome === 'linked' ? 'Linked' : 'Already linked'} to bug ${bug.projectPath}#${bug.iid} (relates to)` };
    }
    case 'note': {
      const issue = workflow.issue!;
      const text = issueNoteText({
        kind: draft.kind,
        projectPath: issue.projectPath,
        iid: issue.iid,
        webUrl: issue.webUrl,
        ...(issue.severity ? { severity: issue.severity } : {}),
        ...(workflow.knownBug ? { knownBug: workflow.knownBug } : {}),
      });
      const result = await deps.runOdooStep(workflow, { kind: 'note', text });
      return result === null ? 'waiting' : { result };
    }
    case 'stage': {
      const issue = workflow.issue!;
      const note = `Support Overlay: moved the ticket to 1st line: incident after logging ${issue.projectPath}#${issue.iid} in GitLab.`;
      const result = await deps.runOdooStep(workflow, { kind: 'stage', processStage: 'first-line-incident', note });
      return result === null ? 'waiting' : { result };
    }
  }
}

export { isFinished };
