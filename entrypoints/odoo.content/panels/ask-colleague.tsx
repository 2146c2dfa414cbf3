/**
 * 2nd line: ask a colleague. "If another team member needs to be involved you can create a TODO in
 * Odoo within that ticket for that person": a To-Do activity with a summary, a note and a deadline,
 * then the ticket's open To-Dos as Odoo has them.
 */
import { useEffect, useState } from 'react';
import type { PanelProps, SidebarPanel } from '../panels';
import { OdooFailure } from '../OdooFailure';
import { teamMembers, type Member } from '../team-members';
import { askColleague, readTodos, type Todo } from '@/lib/odoo/ticket-actions';

function inDays(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function AskColleague(props: PanelProps) {
  const { ticket, rpc, facts } = props;
  const odoo = { rpc, flavour: facts.flavour, version: facts.version };
  const [members, setMembers] = useState<Member[] | null>(null);
  const [todos, setTodos] = useState<Todo[] | null>(null);
  const [colleague, setColleague] = useState('');
  const [summary, setSummary] = useState('');
  const [note, setNote] = useState('');
  const [deadline, setDeadline] = useState(() => inDays(2));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    const team = ticket.team;
    Promise.all([team ? teamMembers(rpc, facts.flavour, team.id) : Promise.resolve([]), readTodos({ rpc, flavour: facts.flavour, version: facts.version }, ticket.id)]).then(
      ([list, open]) => {
        if (!current) return;
        setMembers(list);
        setTodos(open);
      },
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [rpc, facts.flavour, facts.version, ticket.team, ticket.id]);

  const member = members?.find((m) => String(m.id) === colleague) ?? null;
  const valid = member !== null && summary.trim() !== '' && /^\d{4}-\d{2}-\d{2}$/.test(deadline);

  const create = async () => {
    if (!member) return;
    setBusy(true);
    setError(null);
    try {
      const { todo, noteError } = await askColleague(odoo, ticket.id, { userId: member.id, userName: member.name, summary: summary.trim(), note, deadline });
      setTodos((list) => [...(list ?? []), todo]);
      setSummary('');
      setNote('');
      props.afterChange(`To-Do “${todo.summary}” created for ${todo.assignee}, due ${todo.deadline}.${noteError ? ` ${noteError}` : ''}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      {todos && todos.length > 0 && (
        <ul className="so-checklist" aria-label="Open To-Dos" data-testid="todos">
          {todos.map((todo) => (
            <li key={todo.id}>
              <strong>{todo.summary || 'To-Do'}</strong> for {todo.assignee}, due {todo.deadline}
              {todo.note && <span className="so-muted"> — {todo.note}</span>}
            </li>
          ))}
        </ul>
      )}
      <label className="so-field">
        Colleague{' '}
        <select value={colleague} onChange={(e) => setColleague(e.target.value)} disabled={!members}>
          <option value="">{members ? 'Choose a team member…' : 'Loading the team…'}</option>
          {members?.map((m) => (
            <option key={m.id} value={String(m.id)}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label className="so-field">
        Summary <input value={summary} onChange={(e) => setSummary(e.target.value)} />
      </label>
      <label className="so-field">
        Note <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <label className="so-field">
        Due <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      </label>
      {error !== null && <OdooFailure error={error} />}
      <button type="button" disabled={!valid || busy} onClick={() => void create()}>
        {busy ? 'Creating…' : 'Create To-Do'}
      </button>
    </div>
  );
}

export const askColleaguePanel: SidebarPanel = {
  id: 'ask-colleague',
  title: 'Ask a colleague (To-Do)',
  appliesTo: (stage) => stage === 'second-line',
  Component: AskColleague,
};
