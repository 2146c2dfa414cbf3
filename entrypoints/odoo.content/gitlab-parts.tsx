/** Pieces shared by the sidebar's GitLab panels: the ticket facts sent as an intent, the draft editor, the workflow's progress. */
import { useEffect, useState } from 'react';
import { ErrorNotice } from '@/components/ErrorNotice';
import type { IssueDraft, TicketFacts } from '@/lib/gitlab/draft-types';
import type { Ticket } from '@/lib/odoo/helpdesk';
import { severityLabel } from '@/lib/support-process/severity';
import { STEP_LABEL, isFinished, type TicketWorkflow } from '@/lib/workflows/types';
import { announceRecordedIssue } from './recorded-issues';

export function ticketFacts(ticket: Ticket): TicketFacts {
  return {
    id: ticket.id,
    ref: ticket.ref,
    name: ticket.name,
    descriptionHtml: ticket.descriptionHtml,
    url: location.href,
    customer: ticket.customer?.name ?? null,
    customerEmail: ticket.customerEmail,
    priority: ticket.priority,
    team: ticket.team?.name ?? null,
  };
}

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function DraftEditor({ draft, onChange }: { draft: IssueDraft; onChange(draft: IssueDraft): void }) {
  return (
    <fieldset className="so-fieldset">
      <legend>Draft for {draft.project}</legend>
      <label className="so-field">
        Title
        <input value={draft.title} onChange={(event) => onChange({ ...draft, title: event.target.value })} />
      </label>
      <label className="so-field">
        Description (Markdown)
        <textarea rows={8} value={draft.description} onChange={(event) => onChange({ ...draft, description: event.target.value })} />
      </label>
      <label className="so-field">
        Labels (comma-separated)
        <input value={draft.labels.join(', ')} onChange={(event) => onChange({ ...draft, labels: event.target.value.split(',').map((l) => l.trimStart()) })} />
      </label>
      <label className="so-choice">
        <input type="checkbox" checked={draft.confidential} onChange={(event) => onChange({ ...draft, confidential: event.target.checked })} />
        Confidential (customer data)
      </label>
    </fieldset>
  );
}

export function WorkflowProgress({ workflow, onRetry, busy }: { workflow: TicketWorkflow; onRetry(): void; busy: boolean }) {
  const [now, setNow] = useState(Date.now());
  const waitMs = workflow.retryAt ? workflow.retryAt - now : 0;
  useEffect(() => {
    if (waitMs <= 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [waitMs > 0]); // eslint-disable-line react-hooks/exhaustive-deps
  const failed = workflow.steps.find((step) => step.status === 'failed');
  const issue = workflow.issue;
  return (
    <div>
      {issue && (
        <p data-testid="gitlab-record">
          <a href={issue.webUrl} target="_blank" rel="noreferrer noopener">
            {issue.projectPath}#{issue.iid}
          </a>{' '}
          {issue.title}
          {workflow.draft.kind === 'incident' && (
            <span data-testid="gitlab-severity">
              {' '}
              · Severity in GitLab: {issue.severity && issue.severity !== 'unknown' ? severityLabel(issue.severity) : 'not set'}
            </span>
          )}
        </p>
      )}
      <ol className="so-steps" aria-label="Workflow steps">
        {workflow.steps
          .filter((step) => step.status !== 'skipped')
          .map((step) => (
            <li key={step.id} data-step={step.id} data-status={step.status}>
              <strong>{STEP_LABEL[step.id]}</strong>: {step.status === 'done' ? `✓ ${step.result ?? ''}` : step.status === 'failed' ? 'failed' : step.status === 'waiting' ? step.result : 'to do'}
            </li>
          ))}
      </ol>
      {failed?.error && (
        <ErrorNotice message={`${STEP_LABEL[failed.id]} failed: ${failed.error}`} />
      )}
      {!isFinished(workflow) && (failed || workflow.steps.some((s) => s.status === 'waiting')) && (
        <button type="button" className="so-primary" disabled={busy || waitMs > 0} onClick={onRetry}>
          {busy ? 'Working…' : waitMs > 0 ? `Retry in ${Math.ceil(waitMs / 1000)} s` : 'Retry from the failed step'}
        </button>
      )}
      {isFinished(workflow) && (
        <p role="status">
          {workflow.cause ? 'Done: logged in GitLab, noted on the ticket, ticket in 1st line: incident.' : 'Done: created in GitLab and noted on the ticket.'}
        </p>
      )}
    </div>
  );
}

/**
 * A ticket's workflow and the one action running on it (start, retry): busy while it runs, its error as a
 * sentence, its result. What the engineer typed is never reset by a failure.
 */
export function useWorkflowAction() {
  const [workflow, setWorkflow] = useState<TicketWorkflow | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<TicketWorkflow>) => {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      setWorkflow(result);
      if (result.steps.some((step) => step.id === 'note' && step.status === 'done')) announceRecordedIssue();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { workflow, setWorkflow, busy, error, setError, run };
}
