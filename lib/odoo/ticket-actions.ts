// What the sidebar does to a ticket, each as a short sequence of Odoo calls that never writes half-way:
// a stage move (with TRIAGE's stars and assignee in the same write), a priority/assignment change, a
// note, a To-Do for a colleague, a draft offer. Every change is logged on the ticket as an internal
// note saying what the extension did, so the ticket is its own audit trail.
import { plainTextToHtml, postNote, readTicket, type HelpdeskFlavour, type OdooStage, type Ticket } from './helpdesk';
import { htmlToPlainText } from './email-preview';
import { OdooError, describeOdooError, type OdooRpc } from './rpc';
import { TICKET_MODEL } from './ticket-url';

export interface OdooContext {
  rpc: OdooRpc;
  flavour: HelpdeskFlavour;
  /** Major server version (notes are escaped differently before 17). */
  version: number;
}

/** Prefix of every audit note, so the chatter says who acted through what. */
export const NOTE_PREFIX = 'Support Overlay:';

export interface TicketChange {
  /** The Odoo stage to move to (one of the ticket's team's stages). */
  stage?: OdooStage;
  /** Odoo priority '1'..'3' (stars). */
  priority?: '1' | '2' | '3';
  assignee?: { id: number; name: string };
}

export type ChangeOutcome =
  /** Written. `ticket` is the ticket as Odoo now has it (null if the re-read failed); `noteError` when the audit note failed. */
  | { kind: 'changed'; ticket: Ticket | null; note: string; noteError?: string }
  /** Someone else moved the ticket (or changed its team) since the engineer looked: nothing was written. */
  | { kind: 'moved-meanwhile'; stage: string | null; team: string | null; by: string | null }
  /** The target stage is not one of the ticket's team's stages: nothing was written. */
  | { kind: 'stage-not-in-team'; stage: string; team: string };

type Many2one = [number, string] | false;

function many2oneName(value: unknown): string | null {
  return Array.isArray(value) && typeof value[1] === 'string' ? value[1] : null;
}
function many2oneId(value: unknown): number | null {
  return Array.isArray(value) && typeof value[0] === 'number' ? value[0] : null;
}

/** The audit sentence for a change, e.g. "moved the ticket from NEW to TRIAGE; set the priority to 2 stars; assigned it to Sofie Peeters." */
export function describeChange(seen: Ticket, change: TicketChange, starMeaning?: (stars: 1 | 2 | 3) => string): string {
  const parts: string[] = [];
  if (change.stage) parts.push(`moved the ticket from ${seen.stage?.name ?? 'no stage'} to ${change.stage.name}`);
  if (change.priority) {
    const stars = Number(change.priority) as 1 | 2 | 3;
    const meaning = starMeaning ? ` (${starMeaning(stars)})` : '';
    parts.push(`set the priority to ${stars} ${stars === 1 ? 'star' : 'stars'}${meaning}`);
  }
  if (change.assignee) parts.push(`assigned it to ${change.assignee.name}`);
  return `${NOTE_PREFIX} ${parts.join('; ')}.`;
}

/**
 * Applies a change to the ticket the engineer sees, in at most 4 calls: (1) re-read the ticket's
 * stage and team, stop if a colleague changed them; (2) one `write` (so a move to TRIAGE with stars
 * and assignee sends ONE email and records one tracking message); (3) the audit note; (4) re-read.
 * The stage must be one of `teamStages` (the team's stages as read from Odoo): Odoo's RPC `write`
 * does not enforce the stage domain itself.
 */
export async function changeTicket(
  odoo: OdooContext,
  seen: Ticket,
  teamStages: readonly OdooStage[],
  change: TicketChange,
  note: string = describeChange(seen, change),
): Promise<ChangeOutcome> {
  const { rpc, flavour } = odoo;
  const [now] = await rpc.callKw<Array<{ stage_id: Many2one; team_id: Many2one; write_uid: Many2one }>>(TICKET_MODEL, 'read', [
    [seen.id],
    ['stage_id', 'team_id', 'write_uid'],
  ]);
  // read() leaves deleted ids out: an empty answer means the ticket is gone.
  if (!now) throw new OdooError('missing', { model: TICKET_MODEL });
  if (many2oneId(now.stage_id) !== (seen.stage?.id ?? null) || many2oneId(now.team_id) !== (seen.team?.id ?? null)) {
    return { kind: 'moved-meanwhile', stage: many2oneName(now.stage_id), team: many2oneName(now.team_id), by: many2oneName(now.write_uid) };
  }
  if (change.stage && !teamStages.some((stage) => stage.id === change.stage?.id)) {
    return { kind: 'stage-not-in-team', stage: change.stage.name, team: seen.team?.name ?? 'no team' };
  }

  const values: Record<string, unknown> = {};
  if (change.stage) values.stage_id = change.stage.id;
  if (change.priority) values.priority = change.priority;
  if (change.assignee) values.user_id = change.assignee.id;
  await rpc.callKw<boolean>(TICKET_MODEL, 'write', [[seen.id], values]);

  const noteError = await logNote(odoo, seen.id, note);
  let ticket: Ticket | null = null;
  try {
    ticket = await readTicket(rpc, flavour, seen.id);
  } catch {
    ticket = null; // the write is done; the sidebar reloads the ticket itself
  }
  return noteError === undefined ? { kind: 'changed', ticket, note } : { kind: 'changed', ticket, note, noteError };
}

/** Posts an audit note; returns the sentence to show when it failed (the change itself is done). */
async function logNote(odoo: OdooContext, ticketId: number, note: string): Promise<string | undefined> {
  try {
    await postNote(odoo.rpc, ticketId, note, odoo.version);
    return undefined;
  } catch (error) {
    return `The change is done, but the note logging it could not be posted: ${describeOdooError(error)}`;
  }
}

export interface Todo {
  id: number;
  summary: string;
  /** Plain text of the activity's note. */
  note: string;
  deadline: string;
  assignee: string;
}

/** `activity_schedule` answers over call_kw with the recordset's repr, e.g. "mail.activity(12,)". */
export function activityIdFromRepr(answer: unknown): number | null {
  if (typeof answer === 'number') return answer;
  if (Array.isArray(answer) && typeof answer[0] === 'number') return answer[0];
  const match = typeof answer === 'string' ? /^mail\.activity\((\d+),?\)$/.exec(answer.trim()) : null;
  return match?.[1] ? Number(match[1]) : null;
}

const plain = (html: unknown): string => (typeof html === 'string' ? htmlToPlainText(html) : '');

/**
 * A To-Do for a colleague on the ticket (2nd line: "create a TODO in Odoo within that ticket for that
 * person"), read back from Odoo, then logged. `deadline` is 'YYYY-MM-DD'.
 */
export async function askColleague(
  odoo: OdooContext,
  ticketId: number,
  request: { userId: number; userName: string; summary: string; note: string; deadline: string },
): Promise<{ todo: Todo; noteError?: string }> {
  const answer = await odoo.rpc.callKw<unknown>(TICKET_MODEL, 'activity_schedule', [[ticketId]], {
    act_type_xmlid: 'mail.mail_activity_data_todo',
    user_id: request.userId,
    summary: request.summary,
    note: request.note.trim() ? plainTextToHtml(request.note) : '',
    date_deadline: request.deadline,
  });
  const id = activityIdFromRepr(answer);
  if (id === null) throw new OdooError('server', { model: 'mail.activity', serverMessage: 'Odoo created the To-Do but did not say which one' });
  const [row] = await odoo.rpc.callKw<Array<Record<string, unknown>>>('mail.activity', 'read', [[id], ['summary', 'note', 'date_deadline', 'user_id']]);
  if (!row) throw new OdooError('missing', { model: 'mail.activity' });
  const todo: Todo = {
    id,
    summary: typeof row.summary === 'string' ? row.summary : '',
    note: plain(row.note),
    deadline: typeof row.date_deadline === 'string' ? row.date_deadline : request.deadline,
    assignee: many2oneName(row.user_id) ?? request.userName,
  };
  const noteError = await logNote(odoo, ticketId, `${NOTE_PREFIX} asked ${todo.assignee} for help with a To-Do “${todo.summary}”, due ${todo.deadline}.`);
  return noteError === undefined ? { todo } : { todo, noteError };
}

/** The open To-Dos (and other activities) on the ticket, soonest first. */
export async function readTodos(odoo: OdooContext, ticketId: number): Promise<Todo[]> {
  const rows = await odoo.rpc.callKw<Array<Record<string, unknown>>>('mail.activity', 'search_read', [], {
    domain: [['res_model', '=', TICKET_MODEL], ['res_id', '=', ticketId]],
    fields: ['summary', 'note', 'date_deadline', 'user_id'],
    order: 'date_deadline, id',
  });
  return rows.map((row) => ({
    id: Number(row.id),
    summary: typeof row.summary === 'string' ? row.summary : '',
    note: plain(row.note),
    deadline: typeof row.date_deadline === 'string' ? row.date_deadline : '',
    assignee: many2oneName(row.user_id) ?? '',
  }));
}

/** Whether the Sales app (sale.order) is installed: without it Odoo has no such model. */
export async function salesInstalled(rpc: OdooRpc): Promise<boolean> {
  try {
    await rpc.callKw('sale.order', 'fields_get', [['origin']], { attributes: ['type'] });
    return true;
  } catch (error) {
    if (error instanceof OdooError && error.kind === 'not-installed') return false;
    throw error;
  }
}

export interface Offer {
  id: number;
  name: string;
}

/** The reference the offer's origin carries: what the customer sees on their emails. */
export function ticketReference(ticket: Ticket): string {
  return ticket.ref ? (/^\d+$/.test(ticket.ref) ? `#${ticket.ref}` : ticket.ref) : `#${ticket.id}`;
}

/** A draft quotation for the ticket's customer, origin = the ticket's reference, logged on the ticket. */
export async function createOffer(odoo: OdooContext, ticket: Ticket): Promise<{ offer: Offer; noteError?: string }> {
  if (!ticket.customer) {
    throw new OdooError('user', { serverMessage: 'This ticket has no customer, so there is nobody to make an offer to. Set the customer in Odoo first; nothing was created.' });
  }
  const origin = ticketReference(ticket);
  const id = await odoo.rpc.callKw<number>('sale.order', 'create', [{ partner_id: ticket.customer.id, origin }]);
  const [row] = await odoo.rpc.callKw<Array<Record<string, unknown>>>('sale.order', 'read', [[id], ['name']]);
  const offer = { id, name: typeof row?.name === 'string' ? row.name : `#${id}` };
  const noteError = await logNote(odoo, ticket.id, `${NOTE_PREFIX} created the draft quotation ${offer.name} for ${ticket.customer.name} (origin ${origin}).`);
  return noteError === undefined ? { offer } : { offer, noteError };
}

/** Where Odoo shows a record's form, in the URL style of the version (hash before 17.2, path after). */
export function recordUrl(origin: string, model: string, id: number, version: number): string {
  return version >= 18 ? `${origin}/odoo/${model}/${id}` : `${origin}/web#id=${id}&model=${model}&view_type=form`;
}
