// helpdesk.ticket create/write with what Odoo does around them: team stages, stage stamps, tracking, emails.
import { many2oneId } from './fields.ts';
import { OdooError } from './errors.ts';
import { announceNewTicket, missingRecord, trackTicketChanges } from './mail.ts';
import type { StoredRecord, StoredValue } from './models.ts';
import type { SandboxState } from './state.ts';
import { convertValues, notNullError } from './values.ts';

/** Stages usable by a team, by sequence (OCA: a stage without teams is shared by all). */
export function teamStages(state: SandboxState, team: number | false): StoredRecord[] {
  const { db, names } = state;
  return db.search(names.stage, [], {}).map((id) => db.find(names.stage, id)).filter((s): s is StoredRecord => {
    if (!s) return false;
    const teams = Array.isArray(s['team_ids']) ? s['team_ids'] : [];
    if (names.flavour === 'oca' && teams.length === 0) return true;
    return team !== false && teams.includes(team);
  });
}

/**
 * Real Odoo only filters stages by team in the UI (field domain) and accepts any stage over RPC. The stand-in
 * refuses a stage of another team with a ValidationError, so a wrong move is caught in tests.
 */
function checkStageOfTeam(state: SandboxState, ticket: StoredRecord, stage: number, team: number | false): void {
  if (teamStages(state, team).some((s) => s.id === stage)) return;
  const stageName = state.db.displayName(state.names.stage, stage) || `#${stage}`;
  const teamName = team === false ? 'no team' : `the team "${state.db.displayName(state.names.team, team)}"`;
  throw new OdooError('odoo.exceptions.ValidationError', `The stage "${stageName}" is not a stage of ${teamName} of ticket "${state.db.displayName(state.names.ticket, ticket.id)}".`);
}

function partnerContact(state: SandboxState, partner: number | false): Record<string, StoredValue> {
  const record = partner === false ? undefined : state.db.find('res.partner', partner);
  return { partner_email: record?.['email'] ?? false, partner_name: record?.['name'] ?? false };
}

function applyStageStamps(state: SandboxState, values: Record<string, StoredValue>): void {
  const { db, names } = state;
  const now = db.now();
  values[names.lastStageUpdate] = now;
  const stage = many2oneId(values['stage_id']);
  const record = stage === false ? undefined : db.find(names.stage, stage);
  const closed = names.flavour === 'oca' ? record?.['closed'] === true : record?.['fold'] === true;
  values[names.closeDate] = closed ? now : false;
  if (names.flavour === 'enterprise') values['kanban_state'] = 'normal';
}

export function writeTickets(state: SandboxState, ids: number[], rawValues: unknown, uid: number): true {
  const { db, names } = state;
  for (const id of ids) {
    const ticket = db.find(names.ticket, id);
    if (!ticket) {
      convertValues(db, names.ticket, rawValues); // a bad field name is reported before the missing record
      throw missingRecord(names.ticket, id, uid);
    }
    const values = convertValues(db, names.ticket, rawValues, ticket);
    const team = 'team_id' in values ? many2oneId(values['team_id']) : many2oneId(ticket['team_id']);
    if ('team_id' in values && !('stage_id' in values)) {
      // Enterprise recomputes the stage when the team changes and the stage is not one of the new team's.
      const stages = teamStages(state, team);
      const current = many2oneId(ticket['stage_id']);
      if (!stages.some((s) => s.id === current)) values['stage_id'] = stages[0]?.id ?? false;
    }
    const stage = many2oneId(values['stage_id']);
    if ('stage_id' in values && stage !== false) checkStageOfTeam(state, ticket, stage, team);
    if (names.flavour === 'enterprise' && 'partner_id' in values) {
      const contact = partnerContact(state, many2oneId(values['partner_id']));
      for (const [k, v] of Object.entries(contact)) if (!(k in values)) values[k] = v;
    }
    const stageChanged = 'stage_id' in values && values['stage_id'] !== ticket['stage_id'];
    if (stageChanged) applyStageStamps(state, values);
    if (many2oneId(values['user_id']) !== false && !ticket[names.assignDate]) values[names.assignDate] = db.now();

    const before: Record<string, StoredValue> = {};
    for (const name of Object.keys(values)) before[name] = ticket[name] ?? false;
    Object.assign(ticket, values, { write_date: db.now(), write_uid: uid });
    trackTicketChanges(state, ticket, before, uid);
  }
  return true;
}

export function createTicket(state: SandboxState, rawValues: unknown, uid: number): number {
  const { db, names } = state;
  const values = convertValues(db, names.ticket, rawValues);
  const model = db.model(names.ticket);
  if (!('team_id' in values)) {
    const myTeam = db.search(names.team, [[names.teamMembers, 'in', [uid]]], { limit: 1 })[0] ?? db.search(names.team, [], { limit: 1 })[0];
    values['team_id'] = myTeam ?? false;
  }
  const team = many2oneId(values['team_id']);
  if (!('stage_id' in values) || values['stage_id'] === false) values['stage_id'] = teamStages(state, team)[0]?.id ?? false;
  else checkStageOfTeam(state, { id: 0, name: String(values['name'] ?? '') }, Number(values['stage_id']), team);
  if ('partner_id' in values) {
    const contact = partnerContact(state, many2oneId(values['partner_id']));
    for (const [k, v] of Object.entries(contact)) if (!(k in values) || values[k] === false) values[k] = v;
  }
  for (const [name, def] of Object.entries(model.fields)) {
    const v = values[name];
    if (def.required && !def.compute && !def.default && (v === undefined || v === false)) throw notNullError(db, names.ticket, name, def);
  }
  const now = db.now();
  const ticket = db.insert(names.ticket, { ...values, [names.lastStageUpdate]: now, create_uid: uid, write_uid: uid, create_date: now });
  ticket[names.ticketRef] = names.flavour === 'oca' ? `HT${String(ticket.id).padStart(5, '0')}` : String(ticket.id);
  if (many2oneId(ticket['user_id']) !== false) ticket[names.assignDate] = now;
  announceNewTicket(state, ticket, uid);
  return ticket.id;
}

/** What a colleague does in their own browser: a stage move by name within the ticket's team. */
export function moveTicketByStageName(state: SandboxState, ticketId: number, stageName: string, uid: number): void {
  const ticket = state.db.find(state.names.ticket, ticketId);
  if (!ticket) throw new Error(`No ticket ${ticketId} in the Odoo sandbox`);
  const stage = teamStages(state, many2oneId(ticket['team_id'])).find((s) => s['name'] === stageName);
  if (!stage) throw new Error(`Team of ticket ${ticketId} has no stage named "${stageName}"`);
  writeTickets(state, [ticketId], { stage_id: stage.id }, uid);
}
