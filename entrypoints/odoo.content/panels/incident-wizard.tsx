/**
 * 1st line: incident — "Is the cause a new bug, a known bug, or unclear?" → the GitLab record the process
 * asks for (bug report, incident linked to the known bug, or incident), with severity for incidents,
 * from an editable draft, then the note and the stage move: one resumable workflow in the background.
 */
import { useEffect, useMemo, useState } from 'react';
import type { PanelProps, SidebarPanel } from '../panels';
import { ErrorNotice } from '@/components/ErrorNotice';
import { sendToBackground } from '@/lib/messaging';
import type { IssueDraft, IssueKind } from '@/lib/gitlab/draft-types';
import type { IssueSummary } from '@/lib/gitlab/issues';
import {
  DEFAULT_INCIDENT_CAUSE, INCIDENT_CAUSES, INCIDENT_CAUSE_EXPLANATION, INCIDENT_CAUSE_LABEL, INCIDENT_QUESTION, decideGitLabRecord,
  type IncidentCause,
} from '@/lib/support-process/incident';
import { SEVERITIES, SEVERITY_POLICY, resolveSeverity, severityLabel, type Severity } from '@/lib/support-process/severity';
import { readRecordedIssues, type RecordedRef } from '../recorded-issues';
import { DraftEditor, WorkflowProgress, errorText as message, ticketFacts, useWorkflowAction } from '../gitlab-parts';


function SeverityChoice({ value, onChange }: { value: Severity; onChange(severity: Severity): void }) {
  const [unsure, setUnsure] = useState(false);
  const [between, setBetween] = useState<[Severity, Severity]>(['high', 'medium']);
  useEffect(() => {
    if (unsure) onChange(resolveSeverity({ unsureBetween: between }));
  }, [unsure, between[0], between[1]]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <fieldset className="so-fieldset">
      <legend>Severity</legend>
      <p className="so-muted">{SEVERITY_POLICY}</p>
      {SEVERITIES.map((option) => (
        <label key={option.value} className="so-choice">
          <input type="radio" name="severity" checked={!unsure && value === option.value} onChange={() => (setUnsure(false), onChange(option.value))} />
          {option.label}
        </label>
      ))}
      <label className="so-choice">
        <input type="radio" name="severity" checked={unsure} onChange={() => setUnsure(true)} />
        I’m not sure
      </label>
      {unsure && (
        <div className="so-inline">
          between
          {([0, 1] as const).map((index) => (
            <select
              key={index}
              aria-label={index === 0 ? 'Unsure between' : 'and'}
              value={between[index]}
              onChange={(event) => {
                const next: [Severity, Severity] = [...between];
                next[index] = event.target.value as Severity;
                setBetween(next);
              }}
            >
              {SEVERITIES.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          ))}
          <span data-testid="severity-chosen">→ {severityLabel(value)} (the higher one)</span>
        </div>
      )}
    </fieldset>
  );
}

function KnownBugPicker({ words, picked, onPick }: { words: string[]; picked: IssueSummary | null; onPick(issue: IssueSummary): void }) {
  const [query, setQuery] = useState(words.join(' '));
  const [results, setResults] = useState<IssueSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setQuery((current) => current || words.join(' ')), [words.join(' ')]); // eslint-disable-line react-hooks/exhaustive-deps
  const find = async () => {
    setBusy(true);
    setError(null);
    try {
      const found = await sendToBackground('gitlab.findBugs', { query });
      setResults(found.issues);
      if (found.by !== 'words' && found.issues[0]) onPick(found.issues[0]);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="so-fieldset">
      <legend>The known bug</legend>
      <form
        className="so-inline"
        onSubmit={(event) => {
          event.preventDefault();
          void find();
        }}
      >
        <input aria-label="Words, bug number or bug URL" value={query} onChange={(event) => setQuery(event.target.value)} />
        <button type="submit" disabled={busy || !query.trim()}>
          {busy ? 'Searching…' : 'Find'}
        </button>
      </form>
      <p className="so-muted">Words from the ticket, the bug’s number, or its address.</p>
      {error && <ErrorNotice message={error} />}
      {results && results.length === 0 && <p role="status">No bug found: try other words, its number or its address.</p>}
      {results && results.length > 0 && (
        <ul className="so-results" aria-label="Bugs found">
          {results.map((issue) => (
            <li key={`${issue.projectPath}#${issue.iid}`}>
              <label className="so-choice">
                <input type="radio" name="known-bug" checked={picked?.iid === issue.iid && picked.projectPath === issue.projectPath} onChange={() => onPick(issue)} />
                #{issue.iid} {issue.title} <span className={`so-badge so-state--${issue.state}`}>{issue.state === 'opened' ? 'Open' : 'Closed'}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function IncidentWizard({ ticket, rpc }: PanelProps) {
  const facts = useMemo(() => ticketFacts(ticket), [ticket]);
  const { workflow, setWorkflow, busy, error, setError, run } = useWorkflowAction();
  const [recorded, setRecorded] = useState<RecordedRef[]>([]);
  const [anotherAnyway, setAnotherAnyway] = useState(false);
  const [cause, setCause] = useState<IncidentCause>(DEFAULT_INCIDENT_CAUSE);
  const [severity, setSeverity] = useState<Severity>('medium');
  const [drafts, setDrafts] = useState<Partial<Record<IssueKind, IssueDraft>>>({});
  const [words, setWords] = useState<string[]>([]);
  const [knownBug, setKnownBug] = useState<IssueSummary | null>(null);
  const record = decideGitLabRecord(cause);
  const kind: IssueKind = record.kind;
  const draft = drafts[kind];

  useEffect(() => {
    let live = true;
    sendToBackground('workflows.forTicket', { ticketId: ticket.id }).then(
      (found) => live && setWorkflow(found),
      (e: unknown) => live && (setWorkflow(null), setError(message(e))),
    );
    readRecordedIssues(rpc, ticket.id).then(
      (refs) => live && setRecorded(refs),
      () => undefined, // the linked-issues list says why the notes could not be read
    );
    return () => {
      live = false;
    };
  }, [ticket.id, rpc]);

  useEffect(() => {
    if (workflow !== null || drafts[kind]) return;
    let live = true;
    sendToBackground('gitlab.draft', { kind, ticket: facts }).then(
      (answer) => {
        if (!live) return;
        setDrafts((current) => ({ ...current, [kind]: answer.draft }));
        setWords(answer.searchWords);
      },
      (e: unknown) => live && setError(message(e)),
    );
    return () => {
      live = false;
    };
  }, [kind, workflow, facts]); // eslint-disable-line react-hooks/exhaustive-deps


  const create = () => {
    if (!draft) return;
    const toSend: IssueDraft = kind === 'incident' ? { ...draft, severity } : draft;
    const bug = knownBug ? { projectPath: knownBug.projectPath, iid: knownBug.iid, title: knownBug.title, webUrl: knownBug.webUrl } : undefined;
    void run(() => sendToBackground('workflows.start', { ticket: facts, cause, draft: toSend, ...(bug ? { knownBug: bug } : {}) }));
  };

  if (workflow === undefined) return <p className="so-muted">Checking this ticket’s GitLab work…</p>;
  if (workflow) {
    const createFailed = !workflow.issue && workflow.steps[0]?.status === 'failed';
    return (
      <div>
        <WorkflowProgress
          workflow={workflow}
          busy={busy}
          onRetry={() => void run(() => sendToBackground('workflows.retry', { ticketId: ticket.id, ...(createFailed ? { draft: workflow.draft } : {}) }))}
        />
        {createFailed && (
          <DraftEditor draft={workflow.draft} onChange={(next) => setWorkflow({ ...workflow, draft: next })} />
        )}
        {error && <ErrorNotice message={error} />}
      </div>
    );
  }

  const alreadyRecorded = recorded.length > 0 && !anotherAnyway;
  return (
    <div>
      {recorded.length > 0 && (
        <div className="so-warning" role="note">
          This ticket already records GitLab {recorded.length === 1 ? 'issue' : 'issues'}{' '}
          {recorded.map((ref) => `${ref.projectPath}#${ref.iid}`).join(', ')} (see “Linked GitLab issues”).
          {!anotherAnyway && (
            <button type="button" onClick={() => setAnotherAnyway(true)}>
              Log another one anyway
            </button>
          )}
        </div>
      )}
      {!alreadyRecorded && (
        <>
          <fieldset className="so-fieldset">
            <legend>{INCIDENT_QUESTION}</legend>
            {INCIDENT_CAUSES.map((option) => (
              <label key={option} className="so-choice">
                <input type="radio" name="incident-cause" checked={cause === option} onChange={() => setCause(option)} />
                {INCIDENT_CAUSE_LABEL[option]}
              </label>
            ))}
            <p className="so-muted" data-testid="cause-explanation">
              {INCIDENT_CAUSE_EXPLANATION[cause]}
            </p>
          </fieldset>
          {record.kind === 'incident' && record.linkToKnownBug && <KnownBugPicker words={words} picked={knownBug} onPick={setKnownBug} />}
          {record.kind === 'incident' && <SeverityChoice value={severity} onChange={setSeverity} />}
          {draft ? (
            <DraftEditor draft={draft} onChange={(next) => setDrafts((current) => ({ ...current, [kind]: next }))} />
          ) : (
            !error && <p className="so-muted">Preparing the draft…</p>
          )}
          {error && <ErrorNotice message={error} />}
          <button
            type="button"
            className="so-primary"
            disabled={busy || !draft || (record.kind === 'incident' && record.linkToKnownBug && !knownBug)}
            onClick={create}
          >
            {busy ? 'Working…' : record.kind === 'bug-report' ? 'Create the bug report in GitLab' : 'Create the incident in GitLab'}
          </button>
        </>
      )}
    </div>
  );
}

export const incidentWizardPanel: SidebarPanel = {
  id: 'incident-wizard',
  title: 'Incident → GitLab',
  appliesTo: (stage) => stage === 'first-line' || stage === 'second-line' || stage === 'first-line-incident',
  Component: IncidentWizard,
};
