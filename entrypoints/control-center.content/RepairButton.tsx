/**
 * The "Repair start status" button on a Control Center page, with the ids read from the URL.
 * It turns red when the page shows the backend's "Could not determine the start status" error, and opens
 * the repair for that reservation.
 */
import { useEffect, useRef, useState } from 'react';
import type { ControlCenterIds } from '@/lib/control-center/url-patterns';
import { mentionsStartStatusError } from '@/lib/control-center/known-error';
import { RepairDialog } from './RepairDialog';

function pageShowsStartStatusError(): boolean {
  return mentionsStartStatusError(document.body?.innerText ?? '');
}

export function RepairButton({ ids }: { ids: ControlCenterIds }) {
  const [alert, setAlert] = useState(pageShowsStartStatusError);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus(); // back where the engineer was
  };

  useEffect(() => {
    // The error appears after the engineer clicks "End reservation": watch the page for it.
    const observer = new MutationObserver(() => setAlert(pageShowsStartStatusError()));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (alert) setOpen(true);
  }, [alert]);

  return (
    <div className="so-root">
      <button
        ref={button}
        type="button"
        className={`so-fab${alert ? ' so-fab--alert' : ''}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        Repair start status
      </button>
      {open && (
        <div
          role="dialog"
          aria-label="Repair start status"
          className="so-sidebar"
          data-testid="repair-dialog"
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <p className="so-title">Repair start status</p>
          {alert && <p>This page shows “Could not determine the start status of this reservation”.</p>}
          <RepairDialog ids={ids} />
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}
