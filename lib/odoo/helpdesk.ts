// The helpdesk adapter: the same ticket operations on Odoo Enterprise `helpdesk` and on OCA
// `helpdesk_mgmt`, which share the `helpdesk.ticket` model but name stages, teams and fields apart
// (reference/odoo.md). Each function is one RPC unless it says otherwise.
import { OdooError, type OdooRpc } from './rpc';
import { TICKET_MODEL } from './ticket-url';

export type HelpdeskFlavour = 'enterprise' | 'oca';

export interface HelpdeskNames {
  stageModel: string;
  teamModel: string;
  /** Stage field: the mail template Odoo sends when a ticket enters the stage. */
  templateField: 'template_id' | 'mail_template_id';
  /** Ticket field: the reference shown to customers (Enterprise "#42" id, OCA "HT00001"). */
  refField: 'ticket_ref' | 'number';
  teamMembersField: 'member_ids' | 'user_ids';
  /** Stage field that marks a closing stage. */
  closedField: 'fold' | 'closed';
}

const NAMES: Record<HelpdeskFlavour, HelpdeskNames> = {
  enterprise: {
    stageModel: 'helpdesk.stage',
    teamModel: 'helpdesk.team',
    templateField: 'template_id',
    refField: 'ticket_ref',
    teamMembersField: 'member_ids',
    closedField: 'fold',
  },
  oca: {
    stageModel: 'helpdesk.ticket.stage',
    teamModel: 'helpdesk.ticket.team',
    templateField: 'mail_template_id',
    refField: 'number',
    teamMembersField: 'user_ids',
    closedField: 'closed',
  },
};

export function helpdeskNames(flavour: HelpdeskFlavour): HelpdeskNames {
  return NAMES[flavour];
}

/**
 * Which helpdesk module this Odoo runs. One call: the model `helpdesk.ticket.stage_id` points to is
 * the stage model itself, so it cannot disagree with what the other calls use. A missing
 * `helpdesk.ticket` model rejects with an OdooError of kind 'not-installed'.
 */
export async function detectFlavour(rpc: OdooRpc): Promise<HelpdeskFlavour> {
  const fields = await rpc.callKw<Record<string, { relation?: unknown }>>(TICKET_MODEL, 'fields_get', [['stage_id']], {
    attributes: ['relation'],
  });
  const stageModel = fields.stage_id?.relation;
  if (stageModel === NAMES.enterprise.stageModel) return 'enterprise';
  if (stageModel === NAMES.oca.stageModel) return 'oca';
  throw new OdooError('not-installed', {
    model: typeof stageModel === 'string' ? stageModel : TICKET_MODEL,
    serverMessage: 'neither the Odoo Enterprise Helpdesk nor the OCA helpdesk_mgmt stages were found',
  });
}

export interface Ticket {
  id: number;
  name: string;
  ref: string | null;
  descriptionHtml: string;
  stage: { id: number; name: string } | null;
  team: { id: number; name: string } | null;
  /** '0'..'3'; 0 = low. */
  priority: string;
  assignee: { id: number; name: string } | null;
  customer: { id: number; name: string } | null;
  customerEmail: string | null;
  /** Odoo `create_date`, "YYYY-MM-DD HH:MM:SS" in UTC. */
  createdAt: string;
}

export async function readTicket(rpc: OdooRpc, flavour: HelpdeskFlavour, id: number): Promise<Ticket> {
  const { refField } = helpdeskNames(flavour);
  const fields = ['name', 'description', 'stage_id', 'team_id', 'priority', 'user_id', 'partner_id', 'partner_email', 'create_date', refField];
  const [row] = await rpc.callKw<Array<Record<string, unknown>>>(TICKET_MODEL, 'read', [[id], fields]);
  if (!row) throw new OdooError('missing', { model: TICKET_MODEL });
  return {
    id: typeof row.id === 'number' ? row.id : id,
    name: charValue(row.name) ?? '',
    ref: charValue(row[refField]) || null,
    descriptionHtml: charValue(row.description) ?? '',
    stage: many2one(row.stage_id),
    team: many2one(row.team_id),
    priority: charValue(row.priority) ?? '0',
    assignee: many2one(row.user_id),
    customer: many2one(row.partner_id),
    customerEmail: charValue(row.partner_email) || null,
    createdAt: charValue(row.create_date) ?? '',
  };
}

export interface OdooStage {
  id: number;
  name: string;
  sequence: number;
  template: { id: number; name: string } | null;
  closed: boolean;
}

/**
 * The stages a ticket of the team may be in, in the team's order. Enterprise stages list their teams
 * (`stage_id` domain `team_ids = team`); an OCA stage without teams is shared by every team
 * (`stage_id` domain `team_ids = team or team_ids = False`), as the OCA demo stages are.
 */
export async function readTeamStages(rpc: OdooRpc, flavour: HelpdeskFlavour, teamId: number): Promise<OdooStage[]> {
  const { stageModel, templateField, closedField } = helpdeskNames(flavour);
  const domain =
    flavour === 'oca' ? ['|', ['team_ids', '=', teamId], ['team_ids', '=', false]] : [['team_ids', '=', teamId]];
  const rows = await rpc.callKw<Array<Record<string, unknown>>>(stageModel, 'search_read', [], {
    domain,
    fields: ['name', 'sequence', templateField, closedField],
    order: 'sequence, id',
  });
  return rows.map((row) => ({
    id: Number(row.id),
    name: charValue(row.name) ?? '',
    sequence: typeof row.sequence === 'number' ? row.sequence : 0,
    template: many2one(row[templateField]),
    closed: row[closedField] === true,
  }));
}

/** The stage email as stored: subject and body still hold Odoo's placeholders (rendered on send). */
export async function readStageTemplate(rpc: OdooRpc, templateId: number): Promise<{ subject: string; bodyHtml: string }> {
  const [row] = await rpc.callKw<Array<Record<string, unknown>>>('mail.template', 'read', [[templateId], ['subject', 'body_html']]);
  if (!row) throw new OdooError('missing', { model: 'mail.template' });
  return { subject: charValue(row.subject) ?? '', bodyHtml: charValue(row.body_html) ?? '' };
}

/** Moves the ticket. Odoo itself sends the new stage's email template to the customer. */
export async function writeStage(rpc: OdooRpc, ticketId: number, stageId: number): Promise<void> {
  await rpc.callKw<boolean>(TICKET_MODEL, 'write', [[ticketId], { stage_id: stageId }]);
}

/**
 * Logs an internal note (not sent to the customer) and returns the message id. `text` is plain text:
 * Odoo 16 stores a string body as HTML, so it is escaped here (line breaks kept, links made
 * clickable); from 17 Odoo escapes a plain string itself, so it is sent as is.
 */
export async function postNote(rpc: OdooRpc, ticketId: number, text: string, serverVersion: number): Promise<number> {
  const body = serverVersion >= 17 ? text : plainTextToHtml(text);
  const result = await rpc.callKw<unknown>(TICKET_MODEL, 'message_post', [[ticketId]], {
    body,
    message_type: 'comment',
    subtype_xmlid: 'mail.mt_note',
  });
  // 16–18 answer the bare id (api.returns); newer servers may answer a list of ids.
  const id = Array.isArray(result) ? result[0] : result;
  if (typeof id !== 'number') throw new OdooError('server', { model: TICKET_MODEL, serverMessage: 'the note was posted but Odoo did not say its id' });
  return id;
}

/** The team's members, by name. Two calls: the team's member ids, then their names (active users only). */
export async function readTeamMembers(rpc: OdooRpc, flavour: HelpdeskFlavour, teamId: number): Promise<Array<{ id: number; name: string }>> {
  const { teamModel, teamMembersField } = helpdeskNames(flavour);
  const [team] = await rpc.callKw<Array<Record<string, unknown>>>(teamModel, 'read', [[teamId], [teamMembersField]]);
  if (!team) throw new OdooError('missing', { model: teamModel });
  const ids = Array.isArray(team[teamMembersField]) ? (team[teamMembersField] as unknown[]).filter((v): v is number => typeof v === 'number') : [];
  if (ids.length === 0) return [];
  const users = await rpc.callKw<Array<Record<string, unknown>>>('res.users', 'search_read', [], {
    domain: [['id', 'in', ids]],
    fields: ['name'],
    order: 'name, id',
  });
  return users.map((user) => ({ id: Number(user.id), name: charValue(user.name) ?? '' }));
}

/** Plain text → the HTML Odoo 16 stores: escaped, one <p>, line breaks as <br>, URLs as links. */
export function plainTextToHtml(text: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"']+/g)) {
    // Punctuation that ends a sentence is not part of the link.
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    const start = match.index;
    parts.push(escapeHtml(text.slice(last, start)));
    parts.push(`<a href="${escapeHtml(url)}" target="_blank" rel="noreferrer noopener">${escapeHtml(url)}</a>`);
    last = start + url.length;
  }
  parts.push(escapeHtml(text.slice(last)));
  return `<p>${parts.join('').replace(/\r?\n/g, '<br>')}</p>`;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Odoo sends `false` for an empty char/text/html field. */
function charValue(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Odoo sends a many2one as `[id, "display name"]` or `false`. */
function many2one(value: unknown): { id: number; name: string } | null {
  if (!Array.isArray(value) || typeof value[0] !== 'number') return null;
  return { id: value[0], name: typeof value[1] === 'string' ? value[1] : '' };
}
