/**
 * The ticket's GitLab issues, live: recorded on the ticket as marked notes, their state, severity and
 * assignee read from GitLab (through the background) each time the ticket opens. A closed issue is
 * said out loud, with a note or a move to DONE to tell the customer.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PanelProps, SidebarPanel } from '../panels';
import { ErrorNotice } from '@/components/ErrorNotice';
import { OdooFailure } from '../OdooFailure';
import { sendToBackground, type Response } from '@/lib/messaging';
import { postNote } from '@/lib/odoo/helpdesk';
import { OdooError } from '@/lib/odoo/rpc';
import { changeTicket } from '@/lib/odoo/ticket-actions';
import { processStageForOdooName } from '@/lib/support-process/stage-mapping';
import { severityLabel } from '@/lib/support-process/severity';
import { onRecordedIssue, readRecordedIssues } from '../recorded-issues';

type Row = Response<'gitlab.issues'>[number];

function LinkedIssues({ ticket, rpc, facts, stages, settings, afterChange }: PanelProps) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [gitlabError, setGitlabError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    setError(null);
    setGitlabError(null);
    let refs;
    try {
      refs = await readRecordedIssues(rpc, ticket.id);
    } catch (e) {
      setError(e);
      return;
    }
    if (refs.length === 0) return setRows([]);
    try {
      setRows(await sendToBackground('gitlab.issues', { refs: refs.map(({ host, projectPath, iid }) => ({ host, projectPath, iid })) }));
    } catch (e) {
      setRows(refs.map((ref) => ({ projectPath: ref.projectPath, iid: ref.iid })));
      setGitlabError(e instanceof Error ? e.message : String(e));
    }
  }, [rpc, ticket.id]);

  useEffect(() => {
    void refresh();
    return onRecordedIssue(() => void refresh());
  }, [refresh]);

  const closed = (rows ?? []).filter((row) => row.issue?.state === 'closed');
  const doneStage = stages.find((stage) => processStageForOdooName(stage.name, settings.stageMapping) === 'done');
  const closedNames = closed.map((row) => `${row.projectPath}#${row.iid}`).join(', ');

  const act = async (what: 'note' | 'done') => {
    setBusy(true);
    setError(null);
    try {
      if (what === 'note') {
        await postNote(rpc, ticket.id, `Support Overlay: GitLab ${closed.length === 1 ? 'issue' : 'issues'} ${closedNames} closed in GitLab.`, facts.version);
        afterChange(`Noted on the ticket that ${closedNames} is closed.`);
      } else if (doneStage) {
        const outcome = await changeTicket({ rpc, flavour: facts.flavour, version: facts.version }, ticket, stages, { stage: doneStage },
          `Support Overlay: moved the ticket to ${doneStage.name}: GitLab ${closedNames} closed.`);
        if (outcome.kind !== 'changed') throw new Error('A colleague changed the ticket meanwhile: nothing was changed. Look at the ticket again.');
        afterChange(`Moved to ${doneStage.name}${doneStage.template ? ` (Odoo sent “${doneStage.template.name}”)` : ''}.`, outcome.ticket);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (rows === null && error === null) return <p className="so-muted">Reading the ticket’s GitLab issues…</p>;
  return (
    <div>
      {error !== null && (error instanceof Error && !(error instanceof OdooError) ? <ErrorNotice message={error.message} /> : <OdooFailure error={error} />)}
      {gitlabError && <ErrorNotice message={gitlabError} action={{ label: 'Try again', run: () => void refresh() }} />}
      {rows && rows.length === 0 && <p className="so-muted">No GitLab issue recorded on this ticket.</p>}
      {rows && rows.length > 0 && (
        <ul className="so-results" aria-label="Linked GitLab issues">
          {rows.map((row) => (
            <li key={`${row.projectPath}#${row.iid}`} data-issue={`${row.projectPath}#${row.iid}`}>
              {row.issue ? (
                <>
                  <a href={row.issue.webUrl} target="_blank" rel="noreferrer noopener">
                    {row.projectPath}#{row.iid}
                  </a>{' '}
                  {row.issue.title} <span className={`so-badge so-state--${row.issue.state}`}>{row.issue.state === 'opened' ? 'Open' : 'Closed'}</span>
                  {row.issue.issueType === 'incident' && (
                    <span> · Severity: {row.issue.severity === 'unknown' ? 'not set' : severityLabel(row.issue.severity)}</span>
                  )}
                  <span> · {row.issue.assignees.length > 0 ? `Assignee: ${row.issue.assignees.join(', ')}` : 'Unassigned'}</span>
                </>
              ) : (
                <>
                  {row.projectPath}#{row.iid} <span className="so-muted">{row.error ?? 'state unknown'}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {closed.length > 0 && (
        <div className="so-warning" role="status">
          {closedNames} {closed.length === 1 ? 'is' : 'are'} closed in GitLab: tell the customer.
          <div className="so-inline">
            <button type="button" disabled={busy} onClick={() => void act('note')}>
              Log a note
            </button>
            {doneStage && ticket.stage?.id !== doneStage.id && (
              <button type="button" disabled={busy} onClick={() => void act('done')}>
                Move to {doneStage.name}
              </button>
            )}
          </div>
        </div>
      )}
      {rows && rows.length > 0 && (
        <button type="button" onClick={() => void refresh()}>
          Refresh
        </button>
      )}
    </div>
  );
}

export const linkedIssuesPanel: SidebarPanel = {
  id: 'linked-issues',
  title: 'Linked GitLab issues',
  appliesTo: () => true,
  Component: LinkedIssues,
};
