/**
 * The start-status repair, guided: look (ids from the page, the car from the reservation's own data or
 * pasted by the engineer), confirm (what will be written, the billing warning), write (backup first, in the
 * background), then the remaining steps and the undo. Every failure is a sentence; nothing is written then.
 * The Odoo ticket the repair is for (if linked) gets the audit notes; an incident for the cause can follow.
 * No password field here: signing in happens in the extension's popup.
 */
import { useCallback, useEffect, useState } from 'react';
import { sendToBackground } from '@/lib/messaging';
import type { ControlCenterIds } from '@/lib/control-center/url-patterns';
import type { InspectAnswer, RepairPreview, RepairProblem, RepairRecord, TicketNoteOutcome } from '@/lib/firebase/repair-types';
import { useSettings } from '@/components/useSettings';
import { ErrorNotice } from '@/components/ErrorNotice';
import { StatusTable } from './StatusTable';
import { AfterRepair } from './AfterRepair';
import { TicketLink, TicketNote } from './TicketLink';
import { RepairIncident } from './RepairIncident';
import { lastReportText } from '@/lib/control-center/car-status-view';
import { otherIdFrom } from './other-id';

type View =
  | { step: 'looking' }
  | { step: 'problem'; problem: RepairProblem }
  | { step: 'confirm'; preview: RepairPreview }
  | { step: 'writing'; preview: RepairPreview }
  | { step: 'repaired'; record: RepairRecord; qnr?: string; note?: string; ticketNote?: TicketNoteOutcome }
  | { step: 'undone'; record: RepairRecord; ticketNote?: TicketNoteOutcome };

const message = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

function OtherIdField({ wanted, onId }: { wanted: 'carId' | 'reservationId'; onId(id: string): void }) {
  const patterns = useSettings((state) => state.settings.controlCenter.patterns);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const what = wanted === 'carId' ? 'car' : 'reservation';
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const found = otherIdFrom(text, wanted, patterns);
        if ('id' in found) onId(found.id);
        else setProblem(found.sentence);
      }}
    >
      <label>
        The {what} page’s URL or the {what} id <input value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      {problem && <ErrorNotice message={problem} />}
      <button type="submit">Use this {what}</button>
    </form>
  );
}

export function RepairDialog({ ids: pageIds }: { ids: ControlCenterIds }) {
  const [ids, setIds] = useState(pageIds);
  const [view, setView] = useState<View>({ step: 'looking' });
  const [error, setError] = useState<string | null>(null);

  const look = useCallback(async () => {
    setError(null);
    setView({ step: 'looking' });
    try {
      const remembered = ids.reservationId ? await sendToBackground('startStatus.record', { reservationId: ids.reservationId }) : null;
      if (remembered) {
        setView({ step: 'repaired', record: remembered });
        return;
      }
      const answer: InspectAnswer = await sendToBackground('startStatus.inspect', ids);
      setView(answer.kind === 'ready' ? { step: 'confirm', preview: answer } : { step: 'problem', problem: answer });
    } catch (failure) {
      // The extension itself did not answer (reloaded, or a bug): its sentence, and "Check again".
      setView({ step: 'problem', problem: { kind: 'connection-lost', sentence: message(failure) } });
    }
  }, [ids]);

  useEffect(() => {
    void look();
  }, [look]);

  // Back from signing in (in the popup's tab): look again.
  const waitingForSignIn = view.step === 'problem' && view.problem.kind === 'not-signed-in';
  useEffect(() => {
    if (!waitingForSignIn) return;
    const again = () => document.visibilityState === 'visible' && void look();
    document.addEventListener('visibilitychange', again);
    return () => document.removeEventListener('visibilitychange', again);
  }, [waitingForSignIn, look]);

  const write = async (preview: RepairPreview) => {
    setView({ step: 'writing', preview });
    try {
      const answer = await sendToBackground('startStatus.repair', {
        carId: preview.carId,
        reservationId: preview.reservationId,
        confirmed: preview.status,
      });
      if (answer.kind === 'repaired') {
        setView({ step: 'repaired', record: answer.record, qnr: preview.qnr, note: answer.note, ticketNote: answer.ticketNote });
      } else setView({ step: 'problem', problem: answer });
    } catch (failure) {
      setError(message(failure));
      setView({ step: 'confirm', preview });
    }
  };

  const undo = async (record: RepairRecord) => {
    setError(null);
    try {
      const answer = await sendToBackground('startStatus.undo', { reservationId: record.reservationId });
      if (answer.kind === 'undone') setView({ step: 'undone', record: answer.record, ticketNote: answer.ticketNote });
      else setError(answer.sentence);
    } catch (failure) {
      setError(message(failure));
    }
  };

  const shown = 'preview' in view ? view.preview : 'record' in view ? view.record : ids;
  const qnr = 'preview' in view ? view.preview.qnr : undefined;
  return (
    <div data-testid="repair-flow">
      <dl>
        <dt>Reservation</dt>
        <dd data-testid="reservation-id">{shown.reservationId ?? 'not in this page’s address'}</dd>
        <dt>Car</dt>
        <dd data-testid="car-id">
          {shown.carId ?? 'not in this page’s address'}
          {shown.carId && !pageIds.carId && ' (from the reservation’s data)'}
          {qnr && `, QNR ${qnr}`}
        </dd>
      </dl>
      {shown.reservationId && view.step !== 'looking' && <TicketLink key={shown.reservationId} reservationId={shown.reservationId} />}
      {error && <ErrorNotice message={error} />}
      {view.step === 'looking' && <p role="status">Looking up the car and the reservation…</p>}

      {view.step === 'problem' && (
        <>
          <ErrorNotice message={view.problem.sentence} />
          {view.problem.kind === 'already-set' && <StatusTable status={view.problem.current} label="Current start status" />}
          {view.problem.kind === 'needs-car' && <OtherIdField wanted="carId" onId={(carId) => setIds({ ...ids, carId })} />}
          {view.problem.kind === 'needs-reservation' && (
            <OtherIdField wanted="reservationId" onId={(reservationId) => setIds({ ...ids, reservationId })} />
          )}
          {view.problem.kind === 'not-signed-in' && (
            <button type="button" className="so-primary" onClick={() => void sendToBackground('firebase.openSignIn', {}).catch((f: unknown) => setError(message(f)))}>
              Sign in to Firebase
            </button>
          )}{' '}
          <button type="button" onClick={() => void look()}>
            Check again
          </button>
        </>
      )}

      {(view.step === 'confirm' || view.step === 'writing') && (
        <>
          {view.preview.reservationCarId && (
            <p className="so-warning" role="note" data-testid="other-car">
              The reservation’s own data names car {view.preview.reservationCarId}, not car {view.preview.carId}. The status of car{' '}
              {view.preview.carId} will be written: check which car the member used before writing.
            </p>
          )}
          <h2 className="so-section">Start status that will be written</h2>
          {lastReportText(view.preview.status, new Date()) && <p>The CloudBoxx’s {lastReportText(view.preview.status, new Date())}.</p>}
          <StatusTable status={view.preview.status} label="Start status that will be written" />
          <p className="so-warning" role="note">
            Trip info and billing for this reservation will not be correct after this repair: billing needs a manual check.
          </p>
          <p className="so-muted">The car status is saved as a JSON file in your downloads before anything is written.</p>
          <button type="button" className="so-primary" disabled={view.step === 'writing'} onClick={() => void write(view.preview)}>
            {view.step === 'writing' ? 'Writing…' : 'Save backup and write the start status'}
          </button>
        </>
      )}

      {view.step === 'repaired' && (
        <>
          <p role="status">
            Start status written for reservation {view.record.reservationId} (car {view.record.carId}) by {view.record.by}. Backup saved as{' '}
            <code data-testid="backup-file">{view.record.backupFile}</code>.
          </p>
          {view.note && <p>{view.note}</p>}
          <TicketNote outcome={view.ticketNote} />
          <AfterRepair
            record={view.record}
            qnr={view.qnr}
            onChange={(record) => setView({ ...view, record })}
            onUndo={() => void undo(view.record)}
          />
          <RepairIncident reservationId={view.record.reservationId} />
        </>
      )}

      {view.step === 'undone' && (
        <p role="status">
          Repair undone: the start status of reservation {view.record.reservationId} is empty again. The backup file stays in your downloads.
        </p>
      )}
      {view.step === 'undone' && <TicketNote outcome={view.ticketNote} />}
    </div>
  );
}
