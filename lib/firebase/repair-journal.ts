/**
 * What the extension remembers of start-status repairs (background only): the record of each repair (for
 * the steps, the undo, the pending QNR), the audit trail, and the toolbar badge counting QNRs still on mock-.
 */
import { browser } from '#imports';
import { startStatusAuditItem, startStatusRepairsItem } from '../settings';
import { BILLING_NOTE, qnrPending, type RepairAuditEntry, type RepairRecord } from './repair-types';

/** The last repair of this reservation that was not undone. */
export async function lastRepairOf(reservationId: string): Promise<RepairRecord | null> {
  const records = await startStatusRepairsItem.getValue();
  for (let index = records.length - 1; index >= 0; index -= 1) {
    const record = records[index];
    if (record && record.reservationId === reservationId && !record.undoneAt) return record;
  }
  return null;
}

export async function rememberRepair(record: RepairRecord): Promise<void> {
  await startStatusRepairsItem.setValue([...(await startStatusRepairsItem.getValue()), record]);
}

/** Changes the last live repair of the reservation; throws a sentence when there is none. */
export async function updateRepair(reservationId: string, change: (record: RepairRecord) => RepairRecord): Promise<RepairRecord> {
  const records = await startStatusRepairsItem.getValue();
  let index = -1;
  records.forEach((record, at) => {
    if (record.reservationId === reservationId && !record.undoneAt) index = at;
  });
  const record = records[index];
  if (!record) throw new Error(`This browser has no repair of reservation ${reservationId} on record.`);
  const changed = change(record);
  await startStatusRepairsItem.setValue(records.map((item, at) => (at === index ? changed : item)));
  return changed;
}

export async function audit(entry: Omit<RepairAuditEntry, 'note'>): Promise<void> {
  await startStatusAuditItem.setValue([...(await startStatusAuditItem.getValue()), { ...entry, note: BILLING_NOTE }]);
}

/** The badge shows how many QNRs are still on mock- (the dangerous step to forget). */
export async function showPendingBadge(): Promise<void> {
  const pending = (await startStatusRepairsItem.getValue()).filter(qnrPending).length;
  // Firefox's MV2 build names it browserAction.
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeBackgroundColor({ color: '#c62828' });
  await action.setBadgeText({ text: pending > 0 ? String(pending) : '' });
}

/** At background start (restarts too) and whenever the records change. */
export function followPendingBadge(): void {
  void showPendingBadge();
  startStatusRepairsItem.watch(() => void showPendingBadge());
}
