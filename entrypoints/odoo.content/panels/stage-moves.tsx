/**
 * One-click stage moves: a button per next stage the process allows, "Other stage…" for the rest
 * (with the process's warning). Before a move, the engineer sees what the customer will get: the
 * stage's email rendered as text and its recipient, or that the move sends nothing. Moving into
 * TRIAGE sets the stars and the assignee in the same write.
 */
import { useEffect, useState } from 'react';
import type { PanelProps, SidebarPanel } from '../panels';
import { TriageFields, type TriageChoice } from '../TriageFields';
import { OdooFailure } from '../OdooFailure';
import { readStageTemplate, type OdooStage } from '@/lib/odoo/helpdesk';
import { renderEmailPreview } from '@/lib/odoo/email-preview';
import { changeTicket, describeChange, type TicketChange } from '@/lib/odoo/ticket-actions';
import { PROCESS_STAGES, processStage, type ProcessStageId } from '@/lib/support-process/stages';
import { nextStages, outsideProcessWarning } from '@/lib/support-process/moves';
import { processStageForOdooName } from '@/lib/support-process/stage-mapping';
import { STAR_MEANING, odooPriorityFromStars, starsFromOdooPriority } from '@/lib/support-process/priority';

type TemplateState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ready'; subject: string; bodyHtml: string }
  | { status: 'error'; error: unknown };

function StageMoves(props: PanelProps) {
  const { ticket, stages, processStage: from, facts, rpc, settings } = props;
  const mapping = settings.stageMapping;
  const [target, setTarget] = useState<ProcessStageId | null>(null);
  const [showOther, setShowOther] = useState(false);
  const [template, setTemplate] = useState<TemplateState>({ status: 'none' });
  const [triage, setTriage] = useState<TriageChoice>({
    stars: starsFromOdooPriority(ticket.priority),
    assignee: ticket.assignee,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<{ text: string; refresh?: string } | null>(null);

  const odooStageFor = (id: ProcessStageId): OdooStage | null =>
    stages.find((stage) => processStageForOdooName(stage.name, mapping) === id) ?? null;
  const odooStage = target ? odooStageFor(target) : null;

  // The stage's email is read only when a move to that stage is being prepared.
  const templateId = odooStage?.template?.id ?? null;
  useEffect(() => {
    if (templateId === null) {
      setTemplate({ status: 'none' });
      return;
    }
    let current = true;
    setTemplate({ status: 'loading' });
    readStageTemplate(rpc, templateId).then(
      (read) => current && setTemplate({ status: 'ready', ...read }),
      (e: unknown) => current && setTemplate({ status: 'error', error: e }),
    );
    return () => {
      current = false;
    };
  }, [rpc, templateId]);

  if (!from) return null;

  const choose = (id: ProcessStageId) => {
    setError(null);
    setNotice(null);
    setShowOther(false);
    if (!odooStageFor(id)) {
      setTarget(null);
      setNotice({
        text: `The team ${ticket.team?.name ?? '(none)'} has no Odoo stage “${mapping[id]}” for ${processStage(id).name}, so the ticket cannot move there. Nothing was changed; the team setup check below says how to fix it.`,
      });
      return;
    }
    setTarget(id);
  };

  // Odoo 17+ sends a stage email only to a ticket with a customer email (reference/odoo.md).
  const noAddress = facts.version >= 17 && !ticket.customerEmail;
  const preview =
    template.status === 'ready' && !noAddress
      ? renderEmailPreview(template, ticket, { assigneeName: target === 'triage' ? (triage.assignee?.name ?? null) : null })
      : null;
  const recipient = preview ? preview.to || ticket.customer?.name || 'the customer' : '';
  const needsTriage = target === 'triage';
  const warning = target ? outsideProcessWarning(from, target) : null;
  const ready = !busy && template.status !== 'loading' && template.status !== 'error' && (!needsTriage || (triage.stars !== null && triage.assignee !== null));

  const move = async () => {
    if (!odooStage || !target) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    const change: TicketChange = { stage: odooStage };
    if (needsTriage && triage.stars && triage.assignee) {
      change.priority = odooPriorityFromStars(triage.stars);
      change.assignee = triage.assignee;
    }
    const emailed = preview ? ` Odoo emails ${recipient} “${odooStage.template?.name ?? ''}”.` : ' No email goes to the customer.';
    try {
      const outcome = await changeTicket({ rpc, flavour: facts.flavour, version: facts.version }, ticket, stages, change, describeChange(ticket, change, (s) => STAR_MEANING[s]) + emailed);
      if (outcome.kind === 'moved-meanwhile') {
        setNotice({
          text: `While you were looking, ${outcome.by ?? 'someone'} changed the ticket: it is now in ${outcome.stage ?? 'no stage'}${outcome.team !== (ticket.team?.name ?? null) ? ` (team ${outcome.team ?? 'none'})` : ''}, not ${ticket.stage?.name ?? 'no stage'}. Nothing was changed and no email was sent.`,
          refresh: `The ticket is in ${outcome.stage ?? 'no stage'} now (moved by ${outcome.by ?? 'someone else'}).`,
        });
        setTarget(null);
      } else if (outcome.kind === 'stage-not-in-team') {
        setNotice({ text: `The stage “${outcome.stage}” is not a stage of the team ${outcome.team}, so the ticket cannot move there. Nothing was changed.` });
      } else {
        setTarget(null);
        const sent = preview ? ` Odoo emailed ${recipient} “${preview.subject}”.` : ' No email was sent to the customer.';
        props.afterChange(`Moved to ${odooStage.name}.${sent}${outcome.noteError ? ` ${outcome.noteError}` : ''}`, outcome.ticket);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const others = PROCESS_STAGES.filter((stage) => stage.id !== from && !nextStages(from).includes(stage.id));
  return (
    <div className="so-moves">
      <div className="so-next" role="group" aria-label="Move to">
        {nextStages(from).map((id) => (
          <button key={id} type="button" aria-pressed={target === id} onClick={() => choose(id)} disabled={busy}>
            → {processStage(id).name}
          </button>
        ))}
        <button type="button" aria-expanded={showOther} onClick={() => setShowOther(!showOther)} disabled={busy}>
          Other stage…
        </button>
      </div>
      {showOther && (
        <label className="so-field">
          Outside the process:{' '}
          <select value="" onChange={(e) => e.target.value && choose(e.target.value as ProcessStageId)}>
            <option value="">Choose a stage…</option>
            {others.map((stage) => (
              <option key={stage.id} value={stage.id}>
                {stage.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {notice && (
        <div className="so-notice" role="alert" data-testid="move-notice">
          <span>{notice.text}</span>
          {notice.refresh && (
            <button type="button" onClick={() => props.afterChange(notice.refresh ?? '', null)}>
              Show the ticket as it is now
            </button>
          )}
        </div>
      )}
      {target && odooStage && (
        <div className="so-dialog" role="region" aria-label={`Move to ${processStage(target).name}`}>
          {warning && <p className="so-warning">{warning}</p>}
          {needsTriage && (
            <TriageFields ticket={ticket} rpc={rpc} facts={facts} timeZone={settings.calendar.timeZone} value={triage} onChange={setTriage} />
          )}
          <div className="so-email" data-testid="email-preview">
            {template.status === 'none' && <p>This move sends no email to the customer.</p>}
            {template.status === 'loading' && <p className="so-muted">Reading the email Odoo will send…</p>}
            {template.status === 'error' && <OdooFailure error={template.error} />}
            {template.status === 'ready' && noAddress && (
              <p>No email goes out: the ticket has no customer email address (the stage's template “{odooStage.template?.name}” needs one).</p>
            )}
            {preview && (
              <>
                <p>
                  Odoo will email <strong data-testid="email-to">{recipient}</strong>:
                </p>
                <p className="so-email-subject" data-testid="email-subject">
                  {preview.subject}
                </p>
                <div className="so-email-body" data-testid="email-body">
                  {preview.body}
                </div>
              </>
            )}
          </div>
          {error !== null && <OdooFailure error={error} />}
          <div className="so-actions">
            <button type="button" className="so-primary" disabled={!ready} onClick={() => void move()}>
              {busy ? 'Moving…' : `${warning ? 'Move anyway to' : 'Move to'} ${odooStage.name}${preview ? ' and email the customer' : ''}`}
            </button>
            <button type="button" onClick={() => setTarget(null)} disabled={busy}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

export const stageMovesPanel: SidebarPanel = {
  id: 'stage-moves',
  title: 'Move the ticket',
  appliesTo: (stage) => stage !== null,
  Component: StageMoves,
};
