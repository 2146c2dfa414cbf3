/**
 * Pending work in the popup: QNRs switched to mock- for a start-status repair and not yet switched back
 * (the step the process warns is dangerous to forget), ticket → GitLab workflows not finished (a failed
 * step, or Odoo steps waiting for the ticket's tab), and notes waiting for their ticket (repair audit).
 * Follows storage; confirming and retrying go to the background, which also keeps the toolbar badge.
 */
import { useEffect, useState } from 'react';
import { startStatusRepairsItem, waitingNotesItem, workflowJournalItem } from '@/lib/settings';
import { STEP_LABEL, type TicketWorkflow, type WaitingNote } from '@/lib/workflows/types';
import { qnrPending, type RepairRecord } from '@/lib/firebase/repair-types';
import { sendToBackground } from '@/lib/messaging';
import { ErrorNotice } from './ErrorNotice';

export function PendingWork() {
  const [records, setRecords] = useState<RepairRecord[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void startStatusRepairsItem.getValue().then(setRecords);
    return startStatusRepairsItem.watch((next) => setRecords(next ?? []));
  }, []);

  const [workflows, setWorkflows] = useState<TicketWorkflow[]>([]);
  useEffect(() => {
    const load = () =>
      sendToBackground('workflows.pending', {}).then(setWorkflows, (failure: unknown) =>
        setError(failure instanceof Error ? failure.message : String(failure)),
      );
    void load();
    return workflowJournalItem.watch(() => void load());
  }, []);

  // Notes for a ticket (the start-status repair's audit) that wait for the ticket to be open in Odoo.
  const [notes, setNotes] = useState<WaitingNote[]>([]);
  useEffect(() => {
    void waitingNotesItem.getValue().then(setNotes);
    return waitingNotesItem.watch((next) => setNotes(next ?? []));
  }, []);

  const pending = records.filter(qnrPending);
  if (pending.length === 0 && workflows.length === 0 && notes.length === 0 && !error) return null;

  const retry = async (ticketId: number) => {
    setError(null);
    try {
      await sendToBackground('workflows.retry', { ticketId });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  const restored = async (reservationId: string) => {
    setError(null);
    try {
      await sendToBackground('qnr.restored', { reservationId });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <section aria-labelledby="pending-heading">
      <h2 id="pending-heading">Pending work</h2>
      {error && <ErrorNotice message={error} />}
      <ul className="pending">
        {pending.map((record) => (
          <li key={`${record.reservationId}-${record.repairedAt}`} aria-label={`QNR ${record.mockQnr?.original ?? ''}`}>
            <p>
              Car {record.carId}: the QNR is still <strong>mock-{record.mockQnr?.original}</strong>. Change it back to{' '}
              <strong>{record.mockQnr?.original}</strong> in Control Center (reservation {record.reservationId}).
            </p>
            <button type="button" onClick={() => void restored(record.reservationId)}>
              QNR {record.mockQnr?.original} is restored
            </button>
          </li>
        ))}
        {notes.map((note) => (
          <li key={note.id} aria-label={`Note for ticket ${note.ticketRef ?? note.ticketId}`}>
            <p>
              Ticket {note.ticketRef ?? note.ticketId}
              {note.ticketName ? ` “${note.ticketName}”` : ''}: a note ({note.about}) waits for the ticket to be open in Odoo.
              {note.error && ` The last try failed: ${note.error}`}
            </p>
            <a href={note.ticketUrl} target="_blank" rel="noreferrer">
              Open the ticket to post it
            </a>
          </li>
        ))}
        {workflows.map((workflow) => {
          const open = workflow.steps.filter((step) => step.status !== 'done' && step.status !== 'skipped');
          const failed = open.find((step) => step.status === 'failed');
          const waiting = open.filter((step) => step.status === 'waiting');
          return (
            <li key={workflow.id} aria-label={`Ticket ${workflow.ticketRef ?? workflow.ticketId}`}>
              <p>
                Ticket {workflow.ticketRef ?? workflow.ticketId} “{workflow.ticketName}”:{' '}
                {failed
                  ? `“${STEP_LABEL[failed.id]}” failed${failed.error ? `: ${failed.error}` : '.'}`
                  : waiting.length > 0
                    ? `${waiting.map((step) => `“${STEP_LABEL[step.id]}”`).join(' and ')} wait for the ticket to be open in Odoo.`
                    : `${open.map((step) => `“${STEP_LABEL[step.id]}”`).join(', ')} still to do.`}
              </p>
              <a href={workflow.ticketUrl} target="_blank" rel="noreferrer">
                Open the ticket to finish
              </a>{' '}
              {failed && (
                <button type="button" onClick={() => void retry(workflow.ticketId)}>
                  Retry now
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
