/**
 * Saves the backup file with the downloads API (background only) and waits until it is on disk: the
 * repair writes nothing before that.
 */
import { browser } from '#imports';
import { backupContent, backupFileName } from './backup-file';
import type { CarStatus } from './repair-types';

export class BackupFailed extends Error {}

/** A URL the downloads API can fetch: a blob URL where pages have one (Firefox), else a data URL (Chrome's worker). */
function fileUrl(text: string): string {
  if (typeof URL.createObjectURL === 'function') return URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  return `data:application/json;charset=utf-8,${encodeURIComponent(text)}`;
}

function finished(downloadId: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (outcome: 'complete' | 'interrupted', why?: string) => {
      browser.downloads.onChanged.removeListener(listener);
      if (outcome === 'complete') resolve();
      else reject(new BackupFailed(`The backup file could not be saved (${why ?? 'interrupted'}). Nothing was written.`));
    };
    const listener = (delta: { id: number; state?: { current?: string }; error?: { current?: string } }) => {
      if (delta.id !== downloadId) return;
      if (delta.state?.current === 'complete') done('complete');
      else if (delta.state?.current === 'interrupted') done('interrupted', delta.error?.current);
    };
    browser.downloads.onChanged.addListener(listener);
    // It may have finished before the listener was in place.
    void browser.downloads.search({ id: downloadId }).then(([item]) => {
      if (item?.state === 'complete') done('complete');
      else if (item?.state === 'interrupted') done('interrupted', item.error);
    });
  });
}

/** Saves the status as a JSON file in the engineer's downloads; returns the file name. */
export async function saveStatusBackup(status: CarStatus, ids: { carId: string; reservationId: string }, at: Date): Promise<string> {
  const filename = backupFileName(ids, at);
  let downloadId: number;
  try {
    downloadId = await browser.downloads.download({ url: fileUrl(backupContent(status)), filename, saveAs: false, conflictAction: 'uniquify' });
  } catch (error) {
    throw new BackupFailed(`The backup file could not be saved (${error instanceof Error ? error.message : String(error)}). Nothing was written.`);
  }
  await finished(downloadId);
  return filename;
}
