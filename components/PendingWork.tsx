/**
 * Pending work in the popup: QNRs switched to mock- for a start-status repair and not yet switched back
 * (the step the process warns is dangerous to forget). Follows storage; confirming goes to the background,
 * which also clears the toolbar badge.
 */
import { useEffect, useState } from 'react';
import { startStatusRepairsItem } from '@/lib/settings';
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

  const pending = records.filter(qnrPending);
  if (pending.length === 0 && !error) return null;

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
      </ul>
    </section>
  );
}
