/**
 * The rest of the procedure once the start status is written: end the reservation; if the CloudBoxx is
 * still offline, QNR → mock-{QNR}, end, QNR back. A QNR on mock- is pending work (popup + badge) until the
 * engineer says it is restored. Undo stays possible until the reservation is marked ended.
 */
import { useState } from 'react';
import { sendToBackground } from '@/lib/messaging';
import { mockQnr } from '@/lib/control-center/qnr';
import { qnrPending, type RepairRecord } from '@/lib/firebase/repair-types';
import { ErrorNotice } from '@/components/ErrorNotice';

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  return (
    <>
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard.writeText(text).then(
            () => setCopied('yes'),
            () => setCopied('no'),
          )
        }
      >
        Copy {text}
      </button>
      {copied === 'yes' && <span role="status"> Copied {text}</span>}
      {copied === 'no' && <span role="status"> Could not copy: select {text} and copy it by hand.</span>}
    </>
  );
}

export function AfterRepair({
  record,
  qnr: knownQnr,
  onChange,
  onUndo,
}: {
  record: RepairRecord;
  qnr?: string;
  onChange(record: RepairRecord): void;
  onUndo(): void;
}) {
  const [qnr, setQnr] = useState(record.mockQnr?.original ?? knownQnr ?? '');
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<RepairRecord>) => {
    setError(null);
    try {
      onChange(await work());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  let mocked: string | null = null;
  try {
    mocked = qnr.trim() ? mockQnr(qnr) : null;
  } catch {
    mocked = null;
  }
  const ended = record.endedAt !== undefined;

  return (
    <section aria-label="Next steps">
      {error && <ErrorNotice message={error} />}
      <ol className="so-checklist" data-testid="next-steps">
        <li>
          End the reservation in Control Center.{' '}
          {ended ? (
            <strong>Marked ended.</strong>
          ) : (
            <button type="button" onClick={() => void run(() => sendToBackground('startStatus.markEnded', { reservationId: record.reservationId }))}>
              The reservation has ended
            </button>
          )}
        </li>
        <li>
          If ending still fails because the CloudBoxx is offline:
          <ol>
            <li>
              <label>
                QNR of car {record.carId}{' '}
                <input value={qnr} onChange={(event) => setQnr(event.target.value)} disabled={record.mockQnr !== undefined} />
              </label>{' '}
              change it in Control Center to <strong>{mocked ?? 'mock-…'}</strong> {mocked && <CopyButton text={mocked} />}{' '}
              {!record.mockQnr && (
                <button
                  type="button"
                  onClick={() => void run(() => sendToBackground('qnr.switchedToMock', { reservationId: record.reservationId, qnr }))}
                >
                  I changed the QNR to mock-
                </button>
              )}
            </li>
            <li>End the reservation in Control Center.</li>
            <li>
              Change the QNR back to <strong>{record.mockQnr?.original ?? (qnr.trim() || '…')}</strong>{' '}
              {record.mockQnr && <CopyButton text={record.mockQnr.original} />}{' '}
              {qnrPending(record) && (
                <button type="button" onClick={() => void run(() => sendToBackground('qnr.restored', { reservationId: record.reservationId }))}>
                  QNR {record.mockQnr?.original} is restored
                </button>
              )}
              {record.mockQnr?.restoredAt && <strong>Restored.</strong>}
            </li>
          </ol>
        </li>
      </ol>
      {!ended && (
        <button type="button" onClick={onUndo}>
          Undo the repair
        </button>
      )}
    </section>
  );
}
