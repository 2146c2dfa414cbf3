/**
 * Priority and assignee of a ticket already triaged (TRIAGE and the handling stages): change the stars
 * or hand the ticket over without moving it. Moving into TRIAGE sets both in the move itself.
 */
import { useState } from 'react';
import type { PanelProps, SidebarPanel } from '../panels';
import { TriageFields, type TriageChoice } from '../TriageFields';
import { OdooFailure } from '../OdooFailure';
import { changeTicket, describeChange, type TicketChange } from '@/lib/odoo/ticket-actions';
import { STAR_MEANING, odooPriorityFromStars, starsFromOdooPriority } from '@/lib/support-process/priority';
import type { ProcessStageId } from '@/lib/support-process/stages';

const TRIAGED: readonly ProcessStageId[] = ['triage', 'first-line', 'second-line', 'third-line'];

function Triage(props: PanelProps) {
  const { ticket, stages, facts, rpc, settings } = props;
  const saved: TriageChoice = { stars: starsFromOdooPriority(ticket.priority), assignee: ticket.assignee };
  const [choice, setChoice] = useState<TriageChoice>(saved);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The team's members are read only when the engineer opens the form.
  const [open, setOpen] = useState(false);

  const change: TicketChange = {};
  if (choice.stars && choice.stars !== saved.stars) change.priority = odooPriorityFromStars(choice.stars);
  if (choice.assignee && choice.assignee.id !== saved.assignee?.id) change.assignee = choice.assignee;
  const changed = change.priority !== undefined || change.assignee !== undefined;

  const save = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const outcome = await changeTicket({ rpc, flavour: facts.flavour, version: facts.version }, ticket, stages, change, describeChange(ticket, change, (s) => STAR_MEANING[s]));
      if (outcome.kind === 'changed') {
        const what = [change.priority && `priority ${change.priority} ${change.priority === '1' ? 'star' : 'stars'}`, change.assignee && `assigned to ${change.assignee.name}`].filter(Boolean).join(', ');
        props.afterChange(`Saved: ${what}.${outcome.noteError ? ` ${outcome.noteError}` : ''}`, outcome.ticket);
      } else if (outcome.kind === 'moved-meanwhile') {
        setNotice(`While you were looking, ${outcome.by ?? 'someone'} moved the ticket to ${outcome.stage ?? 'no stage'}. Nothing was changed; reload to see it.`);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <div>
        <p data-testid="triage-summary">
          {saved.stars ? `${'★'.repeat(saved.stars)} ${saved.stars} ${saved.stars === 1 ? 'star' : 'stars'}: ${STAR_MEANING[saved.stars]}` : 'No priority yet'}
          {' · '}
          {saved.assignee ? `assigned to ${saved.assignee.name}` : 'not assigned'}
        </p>
        <button type="button" onClick={() => setOpen(true)}>
          Change priority or assignee
        </button>
      </div>
    );
  }
  return (
    <div>
      <TriageFields ticket={ticket} rpc={rpc} facts={facts} timeZone={settings.calendar.timeZone} value={choice} onChange={setChoice} />
      {notice && (
        <p className="so-notice" role="alert">
          {notice}
        </p>
      )}
      {error !== null && <OdooFailure error={error} />}
      <button type="button" className="so-primary" disabled={!changed || busy} onClick={() => void save()}>
        {busy ? 'Saving…' : 'Save priority and assignee'}
      </button>
    </div>
  );
}

export const triagePanel: SidebarPanel = {
  id: 'triage',
  title: 'Priority and assignee',
  appliesTo: (stage) => stage !== null && TRIAGED.includes(stage),
  Component: Triage,
};
