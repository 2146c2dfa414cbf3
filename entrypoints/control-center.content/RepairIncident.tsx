/**
 * After a repair: open a GitLab incident for the underlying cause (a CloudBoxx that never comes online…),
 * prefilled with the repair's facts (no customer text), confidential, with a severity. The background
 * creates it once per repair and notes its link on the linked ticket.
 */
import { useState } from 'react';
import { sendToBackground } from '@/lib/messaging';
import type { RepairIncident as Incident, RepairIncidentAnswer } from '@/lib/firebase/repair-types';
import { SEVERITIES, SEVERITY_POLICY, type Severity } from '@/lib/support-process/severity';
import { ErrorNotice } from '@/components/ErrorNotice';
import { TicketNote } from './TicketLink';

const message = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

type Form = { project: string; title: string; description: string; severity: Severity };

function IncidentLink({ incident }: { incident: Incident }) {
  return (
    <a href={incident.webUrl} target="_blank" rel="noreferrer" data-testid="incident-link">
      {incident.projectPath}#{incident.iid}
    </a>
  );
}

export function RepairIncident({ reservationId }: { reservationId: string }) {
  const [form, setForm] = useState<Form | null>(null);
  const [created, setCreated] = useState<RepairIncidentAnswer | { incident: Incident } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = async () => {
    setError(null);
    setBusy(true);
    try {
      const draft = await sendToBackground('repairIncident.draft', { reservationId });
      if (draft.incident) setCreated({ incident: draft.incident });
      else setForm({ project: draft.project, title: draft.title, description: draft.description, severity: 'medium' });
    } catch (failure) {
      setError(message(failure));
    } finally {
      setBusy(false);
    }
  };

  const create = async (asked: Form) => {
    if (busy) return;
    setError(null);
    setBusy(true);
    try {
      setCreated(await sendToBackground('repairIncident.create', { reservationId, title: asked.title, description: asked.description, severity: asked.severity }));
      setForm(null);
    } catch (failure) {
      setError(message(failure)); // the form keeps what was typed
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label="Incident for the cause">
      {error && <ErrorNotice message={error} />}
      {created ? (
        <>
          <p>
            GitLab incident <IncidentLink incident={created.incident} /> for the cause.
          </p>
          {'problem' in created && created.problem && <p className="so-warning">{created.problem}</p>}
          {'ticketNote' in created && <TicketNote outcome={created.ticketNote} />}
        </>
      ) : form ? (
        <form
          aria-label="GitLab incident"
          onSubmit={(event) => {
            event.preventDefault();
            void create(form);
          }}
        >
          <p className="so-muted">A confidential incident in {form.project}.</p>
          <label className="so-field">
            Title
            <input value={form.title} onChange={(event) => setForm({ ...form, title: event.target.value })} />
          </label>
          <label className="so-field">
            Description
            <textarea rows={8} value={form.description} onChange={(event) => setForm({ ...form, description: event.target.value })} />
          </label>
          <fieldset className="so-fieldset">
            <legend>Severity</legend>
            <p className="so-muted">{SEVERITY_POLICY}</p>
            {SEVERITIES.map((option) => (
              <label key={option.value} className="so-choice">
                <input
                  type="radio"
                  name="repair-incident-severity"
                  checked={form.severity === option.value}
                  onChange={() => setForm({ ...form, severity: option.value })}
                />{' '}
                {option.label}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="so-primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create the incident in GitLab'}
          </button>
        </form>
      ) : (
        <button type="button" disabled={busy} onClick={() => void open()}>
          Open a GitLab incident for the cause
        </button>
      )}
    </section>
  );
}
