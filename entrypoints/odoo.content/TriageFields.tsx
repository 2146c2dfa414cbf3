/**
 * TRIAGE's two decisions in one place: the priority as 1–3 stars with their meaning and the deadline
 * they give, and who handles the ticket (me or a team member, from Odoo).
 */
import { useEffect, useState } from 'react';
import type { Ticket } from '@/lib/odoo/helpdesk';
import type { OdooRpc } from '@/lib/odoo/rpc';
import type { OdooOriginFacts } from '@/lib/settings';
import { STAR_MEANING, type Stars } from '@/lib/support-process/priority';
import { describeDeadline, formatDeadlineDate } from '@/lib/support-process/deadline-text';
import { parseOdooDatetime } from '@/lib/odoo/datetime';
import { sendToBackground } from '@/lib/messaging';
import { teamMembers, type Member } from './team-members';
import { OdooFailure } from './OdooFailure';

export interface TriageChoice {
  stars: Stars | null;
  assignee: Member | null;
}

function DeadlinePreview({ stars, ticket, timeZone }: { stars: Stars; ticket: Ticket; timeZone: string }) {
  const [text, setText] = useState<string>('computing…');
  useEffect(() => {
    let current = true;
    setText('computing…');
    sendToBackground('deadline.compute', { stars, openedAt: parseOdooDatetime(ticket.createdAt).toISOString() }).then(
      (answer) => {
        if (!current) return;
        const due = new Date(answer.due);
        setText(`${describeDeadline(due, new Date()).text} (${formatDeadlineDate(due, timeZone)})`);
      },
      (error: unknown) => current && setText(`unknown: ${error instanceof Error ? error.message : String(error)}`),
    );
    return () => {
      current = false;
    };
  }, [stars, ticket.createdAt, timeZone]);
  return <p data-testid="triage-deadline">Deadline: {text}</p>;
}

export function TriageFields(props: {
  ticket: Ticket;
  rpc: OdooRpc;
  facts: OdooOriginFacts;
  timeZone: string;
  value: TriageChoice;
  onChange(next: TriageChoice): void;
}) {
  const { ticket, rpc, facts, value, onChange } = props;
  const [members, setMembers] = useState<Member[] | null>(null);
  const [me, setMe] = useState<Member | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    const team = ticket.team;
    Promise.all([team ? teamMembers(rpc, facts.flavour, team.id) : Promise.resolve([]), rpc.sessionInfo()]).then(
      ([list, session]) => {
        if (!current) return;
        setMembers(list);
        setMe({ id: session.uid, name: session.name });
      },
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [rpc, facts.flavour, ticket.team]);

  const choose = (id: string) => {
    const member = members?.find((m) => String(m.id) === id) ?? (me && String(me.id) === id ? me : null);
    onChange({ ...value, assignee: member });
  };

  return (
    <div className="so-triage">
      <fieldset className="so-stars">
        <legend>Priority</legend>
        {([1, 2, 3] as const).map((stars) => (
          <label key={stars}>
            <input
              type="radio"
              name={`so-stars-${ticket.id}`}
              checked={value.stars === stars}
              onChange={() => onChange({ ...value, stars })}
            />
            <span aria-hidden="true">{'★'.repeat(stars)}</span> {stars} {stars === 1 ? 'star' : 'stars'}: {STAR_MEANING[stars]}
          </label>
        ))}
      </fieldset>
      {value.stars && <DeadlinePreview stars={value.stars} ticket={ticket} timeZone={props.timeZone} />}
      <label className="so-field">
        Assigned to{' '}
        <select value={value.assignee ? String(value.assignee.id) : ''} onChange={(e) => choose(e.target.value)} disabled={!members}>
          <option value="">{members ? 'Choose a team member…' : 'Loading the team…'}</option>
          {me && !members?.some((m) => m.id === me.id) && <option value={String(me.id)}>{me.name} (me)</option>}
          {members?.map((member) => (
            <option key={member.id} value={String(member.id)}>
              {member.name}
              {member.id === me?.id ? ' (me)' : ''}
            </option>
          ))}
        </select>
      </label>
      {me && value.assignee?.id !== me.id && (
        <button type="button" onClick={() => onChange({ ...value, assignee: me })}>
          Assign to me
        </button>
      )}
      {error !== null && <OdooFailure error={error} />}
    </div>
  );
}
