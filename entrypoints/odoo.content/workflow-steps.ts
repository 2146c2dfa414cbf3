/**
 * The Odoo steps of a GitLab workflow run here, in the tab showing the ticket, with the engineer's own
 * Odoo session: the background relays them (`odoo.runStep`). When a ticket opens, its workflow's steps
 * that waited for a tab run (`workflows.forTicket`).
 */
import { listenInContent, sendToBackground, type TabProtocol } from '@/lib/messaging';
import { postNote, readTeamStages, readTicket } from '@/lib/odoo/helpdesk';
import { OdooError, describeOdooError, type OdooRpc } from '@/lib/odoo/rpc';
import { changeTicket } from '@/lib/odoo/ticket-actions';
import { processStageForOdooName } from '@/lib/support-process/stage-mapping';
import { useSettings } from '@/components/useSettings';
import type { TicketStore } from './ticket-store';

type RunStep = TabProtocol['odoo.runStep'];

async function runStep(store: TicketStore, rpc: OdooRpc, { ticketId, step }: RunStep['request']): Promise<RunStep['response']> {
  const { ticketId: onScreen, facts } = store.getState();
  if (onScreen !== ticketId || !facts) return { ran: false };
  try {
    if (step.kind === 'note') {
      await postNote(rpc, ticketId, step.text, facts.version);
      return { ran: true, result: 'Note with the GitLab link posted on the ticket' };
    }
    const ticket = await readTicket(rpc, facts.flavour, ticketId);
    const stages = ticket.team ? await readTeamStages(rpc, facts.flavour, ticket.team.id) : [];
    const mapping = useSettings.getState().settings.stageMapping;
    const target = stages.find((stage) => processStageForOdooName(stage.name, mapping) === step.processStage);
    if (!target) throw new Error(`The ticket’s team has no stage mapped to “1st line: incident” (${mapping[step.processStage]}): map it in the settings, then retry.`);
    if (ticket.stage?.id === target.id) return { ran: true, result: `The ticket was already in ${target.name}` };
    const outcome = await changeTicket({ rpc, flavour: facts.flavour, version: facts.version }, ticket, stages, { stage: target }, step.note);
    if (outcome.kind === 'moved-meanwhile') {
      throw new Error(`${outcome.by ?? 'A colleague'} moved the ticket to ${outcome.stage ?? 'another stage'} meanwhile: nothing was changed. Check the ticket, then retry.`);
    }
    if (outcome.kind === 'stage-not-in-team') throw new Error(`“${outcome.stage}” is not a stage of team ${outcome.team}: nothing was changed.`);
    if (outcome.ticket) store.getState().setTicket(outcome.ticket);
    const email = target.template ? ` (Odoo sent “${target.template.name}”)` : '';
    return { ran: true, result: `Moved to ${target.name}${email}` };
  } catch (error) {
    // Our own sentences pass as they are; Odoo's failures get the Odoo sentence.
    throw new Error(error instanceof OdooError || !(error instanceof Error) ? describeOdooError(error) : error.message);
  }
}

/** Answers the background's Odoo steps and resumes waiting steps when a ticket opens; returns the stop function. */
export function followWorkflowSteps(store: TicketStore, rpc: OdooRpc): () => void {
  const stopListening = listenInContent({ 'odoo.runStep': (request) => runStep(store, rpc, request) });
  let resumedFor: number | null = null;
  const stopWatching = store.subscribe((state) => {
    if (state.status !== 'ready' || state.ticketId === null || state.ticketId === resumedFor) return;
    resumedFor = state.ticketId;
    void sendToBackground('workflows.forTicket', { ticketId: state.ticketId }).catch(() => undefined);
  });
  return () => {
    stopListening();
    stopWatching();
  };
}
