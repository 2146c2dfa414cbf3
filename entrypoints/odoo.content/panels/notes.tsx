/** A note box: an internal note on the ticket's chatter (never emailed to the customer). */
import { useState } from 'react';
import type { PanelProps, SidebarPanel } from '../panels';
import { OdooFailure } from '../OdooFailure';
import { postNote } from '@/lib/odoo/helpdesk';

function Notes(props: PanelProps) {
  const { ticket, rpc, facts } = props;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const post = async () => {
    setBusy(true);
    setError(null);
    try {
      await postNote(rpc, ticket.id, text.trim(), facts.version);
      setText('');
      props.afterChange('Note logged on the ticket (internal, not emailed).');
    } catch (e) {
      setError(e); // what was typed stays in the box
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <label className="so-field">
        Internal note
        <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder="Only your team sees this note." />
      </label>
      {error !== null && <OdooFailure error={error} />}
      <button type="button" disabled={busy || text.trim() === ''} onClick={() => void post()}>
        {busy ? 'Logging…' : 'Log note'}
      </button>
    </div>
  );
}

export const notesPanel: SidebarPanel = {
  id: 'notes',
  title: 'Log a note',
  appliesTo: () => true,
  Component: Notes,
};
