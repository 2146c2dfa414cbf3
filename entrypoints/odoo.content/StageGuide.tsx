/**
 * The stage guide: where the ticket is in the support process, what to do there, which email the
 * customer gets, and where it may go next.
 */
import { useEffect, useState } from 'react';
import type { Ticket, OdooStage } from '@/lib/odoo/helpdesk';
import { processStage, type ProcessStageId } from '@/lib/support-process/stages';
import { nextStages } from '@/lib/support-process/moves';
import { processStageForOdooName, type StageMapping } from '@/lib/support-process/stage-mapping';
import { STAR_MEANING, starsFromOdooPriority } from '@/lib/support-process/priority';
import { describeDeadline, formatDeadlineDate } from '@/lib/support-process/deadline-text';
import { parseOdooDatetime } from '@/lib/odoo/datetime';
import { sendToBackground } from '@/lib/messaging';
import { STAGE_GUIDE_SHOWN } from '@/lib/perf-marks';

function Deadline({ ticket, stageId, timeZone }: { ticket: Ticket; stageId: ProcessStageId; timeZone: string }) {
  const stars = starsFromOdooPriority(ticket.priority);
  const [deadline, setDeadline] = useState<{ due: Date } | { error: string } | null>(null);
  const untriaged = stageId === 'new';

  useEffect(() => {
    setDeadline(null);
    if (untriaged || !stars) return;
    let current = true;
    sendToBackground('deadline.compute', { stars, openedAt: parseOdooDatetime(ticket.createdAt).toISOString() }).then(
      (answer) => current && setDeadline({ due: new Date(answer.due) }),
      (error: unknown) => current && setDeadline({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [untriaged, stars, ticket.createdAt]);

  if (untriaged) return <p data-testid="deadline">Deadline: not triaged yet</p>;
  if (!stars) return <p data-testid="deadline">Deadline: no priority set (give the ticket 1–3 stars)</p>;
  if (!deadline) return <p data-testid="deadline" className="so-muted">Deadline: computing…</p>;
  if ('error' in deadline) return <p data-testid="deadline">Deadline unknown: {deadline.error}</p>;
  const { overdue, text } = describeDeadline(deadline.due, new Date());
  return (
    <p data-testid="deadline">
      {'★'.repeat(stars)} {STAR_MEANING[stars]} — <span className={overdue ? 'so-deadline--overdue' : undefined}>{text}</span>{' '}
      <span className="so-muted">({formatDeadlineDate(deadline.due, timeZone)})</span>
    </p>
  );
}

export function StageGuide(props: {
  ticket: Ticket;
  stages: OdooStage[];
  mapping: StageMapping;
  timeZone: string;
  onOpenSettings(): void;
}) {
  const { ticket, stages, mapping, timeZone } = props;
  useEffect(() => {
    performance.mark(STAGE_GUIDE_SHOWN, { detail: { ticketId: ticket.id } });
  }, [ticket.id]);
  const odooStage = stages.find((stage) => stage.id === ticket.stage?.id);
  const stageName = ticket.stage?.name ?? '';
  const stageId = processStageForOdooName(stageName, mapping);

  if (!stageId) {
    return (
      <section aria-label="Stage guide">
        <p className="so-stage">{stageName || 'No stage'}</p>
        <p>
          The Odoo stage “{stageName}” is not mapped to a stage of the support process, so the guide cannot help here.
        </p>
        <button type="button" onClick={props.onOpenSettings}>
          Map Odoo stages in the settings
        </button>
      </section>
    );
  }

  const stage = processStage(stageId);
  const next = nextStages(stageId);
  return (
    <section aria-label="Stage guide">
      <p className="so-stage" data-testid="process-stage">
        {stage.name}
      </p>
      <p>{stage.description}</p>
      <Deadline ticket={ticket} stageId={stageId} timeZone={timeZone} />
      {stage.actions.length > 0 && (
        <>
          <h2 className="so-section">To do in this stage</h2>
          <ul className="so-checklist">
            {stage.actions.map((action) => (
              <li key={action}>{action}</li>
            ))}
          </ul>
        </>
      )}
      <h2 className="so-section">Email to the customer</h2>
      <p className="so-email" data-testid="stage-email">
        {stage.emailTemplate
          ? `On entering ${stage.name}, Odoo emails the customer “${stage.emailTemplate}”.`
          : `${stage.name} sends no email to the customer.`}
        {odooStage && odooStage.template?.name !== (stage.emailTemplate ?? undefined) && (
          <span className="so-muted">
            {' '}
            Odoo's stage is set to {odooStage.template ? `“${odooStage.template.name}”` : 'no template'}.
          </span>
        )}
      </p>
      <h2 className="so-section">Next in the process</h2>
      <ul className="so-next" aria-label="Next stages">
        {next.map((id) => (
          <li key={id} className="so-badge">
            {processStage(id).name}
          </li>
        ))}
      </ul>
    </section>
  );
}
