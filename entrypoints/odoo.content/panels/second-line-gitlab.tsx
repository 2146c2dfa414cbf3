/**
 * 2nd line → GitLab, from the process: open a bug, file a new need in the integration project for the
 * member (labelled with the member), or a "script to fix" issue. Each is an editable draft, then a
 * resumable workflow (create → note on the ticket); the ticket stays in 2nd line.
 */
import { useEffect, useMemo, useState } from 'react';
import type { PanelProps, SidebarPanel } from '../panels';
import { ErrorNotice } from '@/components/ErrorNotice';
import { sendToBackground } from '@/lib/messaging';
import type { IssueDraft } from '@/lib/gitlab/draft-types';
import type { SecondLineKind } from '@/lib/workflows/types';
import { SECOND_LINE_KINDS } from '@/lib/workflows/types';
import { DraftEditor, WorkflowProgress, errorText, ticketFacts, useWorkflowAction } from '../gitlab-parts';

const ACTION: Readonly<Record<SecondLineKind, { button: string; create: string }>> = {
  'bug-report': { button: 'Open a bug', create: 'Create the bug in GitLab' },
  need: { button: 'File a new need for the member', create: 'File the need in the integration project' },
  'script-to-fix': { button: 'Script to fix', create: 'Create the “script to fix” issue' },
};

function SecondLineAction({ kind, props }: { kind: SecondLineKind; props: PanelProps }) {
  const facts = useMemo(() => ticketFacts(props.ticket), [props.ticket]);
  const { workflow, setWorkflow, busy, error, setError, run } = useWorkflowAction();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<IssueDraft | null>(null);

  useEffect(() => {
    let live = true;
    sendToBackground('workflows.forTicket', { ticketId: props.ticket.id, kind }).then(
      (found) => live && setWorkflow(found),
      (e: unknown) => live && (setWorkflow(null), setError(errorText(e))),
    );
    return () => {
      live = false;
    };
  }, [props.ticket.id, kind]);

  const prepare = async () => {
    setOpen(true);
    if (draft) return;
    try {
      setDraft((await sendToBackground('gitlab.draft', { kind, ticket: facts })).draft);
    } catch (e) {
      setError(errorText(e));
    }
  };


  if (workflow) {
    const createFailed = !workflow.issue && workflow.steps[0]?.status === 'failed';
    return (
      <div data-action={kind}>
        <WorkflowProgress
          workflow={workflow}
          busy={busy}
          onRetry={() =>
            void run(() => sendToBackground('workflows.retry', { ticketId: props.ticket.id, kind, ...(createFailed ? { draft: workflow.draft } : {}) }))
          }
        />
        {createFailed && <DraftEditor draft={workflow.draft} onChange={(next) => setWorkflow({ ...workflow, draft: next })} />}
        {error && <ErrorNotice message={error} />}
      </div>
    );
  }
  return (
    <div data-action={kind}>
      {!open && (
        <button type="button" disabled={workflow === undefined} onClick={() => void prepare()}>
          {ACTION[kind].button}
        </button>
      )}
      {open && draft && (
        <>
          <DraftEditor draft={draft} onChange={setDraft} />
          <div className="so-actions">
            <button type="button" className="so-primary" disabled={busy} onClick={() => void run(() => sendToBackground('workflows.start', { ticket: facts, draft }))}>
              {busy ? 'Working…' : ACTION[kind].create}
            </button>
            <button type="button" disabled={busy} onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </>
      )}
      {error && <ErrorNotice message={error} />}
    </div>
  );
}

function SecondLineGitLab(props: PanelProps) {
  return (
    <div className="so-second-line">
      {SECOND_LINE_KINDS.map((kind) => (
        <SecondLineAction key={kind} kind={kind} props={props} />
      ))}
    </div>
  );
}

export const secondLineGitLabPanel: SidebarPanel = {
  id: 'second-line-gitlab',
  title: '2nd line → GitLab',
  appliesTo: (stage) => stage === 'second-line',
  Component: SecondLineGitLab,
};
