// The chatter and the emails Odoo sends by itself: tracking, stage templates, message_post, activities.
import { many2oneId } from './fields.ts';
import { OdooError, frame, pyRepr, recordsetRepr } from './errors.ts';
import { escapeText, htmlToText, sanitizeHtml } from './html.ts';
import type { StoredRecord, StoredValue } from './models.ts';
import { ACTIVITY_TYPES, SUBTYPES, type SandboxState } from './state.ts';

function userPartner(state: SandboxState, uid: number): number | false {
  const user = state.db.find('res.users', uid);
  return user ? many2oneId(user['partner_id']) : false;
}

function stageName(state: SandboxState, ticket: StoredRecord): string {
  const stage = many2oneId(ticket['stage_id']);
  return stage === false ? '' : state.db.displayName(state.names.stage, stage);
}

function postMessage(state: SandboxState, values: Record<string, StoredValue>): number {
  return state.db.insert('mail.message', { date: state.db.now(), ...values }).id;
}

// ---- template rendering ---------------------------------------------------------------------------

/** Evaluates `object.partner_id.name or object.partner_name or 'there'` against a ticket. */
function evaluate(state: SandboxState, ticket: StoredRecord, expression: string): string {
  for (const option of expression.split(/\s+or\s+/)) {
    const term = option.trim();
    const literal = /^(['"])(.*)\1$/.exec(term);
    if (literal) return literal[2] ?? '';
    if (!term.startsWith('object.')) continue;
    let model: string = state.names.ticket;
    let record: StoredRecord | undefined = ticket;
    let value: StoredValue = false;
    for (const name of term.slice('object.'.length).split('.')) {
      if (!record) { value = false; break; }
      value = state.db.value(model, record, name);
      const field = state.db.field(model, name);
      if (field?.type === 'many2one' && field.relation) {
        model = field.relation;
        record = typeof value === 'number' ? state.db.find(model, value) : undefined;
        value = record ? state.db.displayName(model, record.id) : false;
      } else {
        record = undefined;
      }
    }
    if (value !== false && value !== null && value !== '') return String(value);
  }
  return '';
}

/** mail.template rendering: `{{ expr }}` in the subject (inline_template), `<t t-out="expr"/>` in the body (qweb). */
export function renderTemplate(state: SandboxState, templateId: number, ticket: StoredRecord): { subject: string; bodyHtml: string } {
  const template = state.db.find('mail.template', templateId);
  const subject = String(template?.['subject'] || '').replace(/\{\{\s*(.+?)\s*\}\}/g, (_, expr: string) => evaluate(state, ticket, expr));
  const bodyHtml = String(template?.['body_html'] || '').replace(
    /<t\s+t-out="([^"]+)"\s*(?:\/>|><\/t>)/g,
    (_, expr: string) => escapeText(evaluate(state, ticket, expr.replace(/&quot;/g, '"'))),
  );
  return { subject, bodyHtml };
}

/**
 * `_track_template`: the stage's template goes out when the stage changes, under each version's conditions
 * (Enterprise 16: template; 17/18: template + partner_email, not when the acting user is the customer;
 * 19: template + partner_email. OCA helpdesk_mgmt: template only).
 */
export function sendStageTemplate(state: SandboxState, ticket: StoredRecord, actingUid: number): void {
  const { db, names } = state;
  const stageId = many2oneId(ticket['stage_id']);
  const stage = stageId === false ? undefined : db.find(names.stage, stageId);
  const templateId = many2oneId(stage?.[names.stageTemplate]);
  if (templateId === false || !db.find('mail.template', templateId)) return;

  const partnerEmail = String(ticket['partner_email'] || '');
  const customer = many2oneId(ticket['partner_id']);
  const actingPartner = userPartner(state, actingUid);
  if (names.flavour === 'enterprise' && state.version >= 17) {
    if (!partnerEmail) return;
    if (state.version <= 18 && customer !== false && customer === actingPartner) return;
  }

  const { subject, bodyHtml } = renderTemplate(state, templateId, ticket);
  const customerEmail = customer === false ? '' : String(db.find('res.partner', customer)?.['email'] || '');
  const to = partnerEmail || customerEmail;
  postMessage(state, {
    model: names.ticket, res_id: ticket.id, body: bodyHtml, subject,
    message_type: state.version === 16 ? 'comment' : 'auto_comment', subtype_id: SUBTYPES.note,
    author_id: actingPartner, partner_ids: customer === false ? [] : [customer],
  });
  if (!to) return; // no recipient: Odoo posts the message but no email leaves
  state.outbox.push({
    ticketId: ticket.id, stageName: stageName(state, ticket), template: db.displayName('mail.template', templateId),
    to, subject, body: htmlToText(bodyHtml), bodyHtml, at: new Date().toISOString(),
  });
}

/** Tracking message for changed tracked fields, then the stage template (mail.thread's order). */
export function trackTicketChanges(state: SandboxState, ticket: StoredRecord, before: Readonly<Record<string, StoredValue>>, actingUid: number): void {
  const { db, names } = state;
  const model = db.model(names.ticket);
  const changed = Object.entries(model.fields).filter(([name, field]) => field.tracking && name in before && before[name] !== ticket[name]);
  if (changed.length === 0) return;
  const stageChanged = changed.some(([name]) => name === 'stage_id');
  const messageId = postMessage(state, {
    model: names.ticket, res_id: ticket.id, body: '', message_type: 'notification',
    subtype_id: stageChanged && names.flavour === 'enterprise' ? SUBTYPES.stageChanged : SUBTYPES.note,
    author_id: userPartner(state, actingUid),
  });
  for (const [name, field] of changed) {
    const label = (value: StoredValue | undefined) => (typeof value === 'number' && field.relation ? db.displayName(field.relation, value) : value ? String(value) : '');
    db.insert('mail.tracking.value', {
      field_desc: field.string, field_type: field.type, mail_message_id: messageId,
      old_value_integer: many2oneId(before[name]) || 0, new_value_integer: many2oneId(ticket[name]) || 0,
      old_value_char: label(before[name]), new_value_char: label(ticket[name]),
    });
  }
  if (stageChanged) sendStageTemplate(state, ticket, actingUid);
}

/** A new ticket: "Ticket Created" notification, then the first stage's template. */
export function announceNewTicket(state: SandboxState, ticket: StoredRecord, actingUid: number): void {
  postMessage(state, {
    model: state.names.ticket, res_id: ticket.id, body: '', message_type: 'notification',
    subtype_id: SUBTYPES.ticketCreated, author_id: userPartner(state, actingUid),
  });
  sendStageTemplate(state, ticket, actingUid);
}

// ---- message_post -----------------------------------------------------------------------------------

const SUBTYPE_XMLIDS: Readonly<Record<string, number>> = { 'mail.mt_comment': SUBTYPES.discussion, 'mail.mt_note': SUBTYPES.note, 'mail.mt_activities': SUBTYPES.activities };

function externalIdNotFound(xmlid: string): OdooError {
  return new OdooError('builtins.ValueError', `External ID not found in the system: ${xmlid}`, [
    frame('odoo-server/odoo/addons/base/models/ir_model.py', 2024, '_xmlid_lookup', "raise ValueError('External ID not found in the system: %s' % xmlid)"),
  ]);
}

/**
 * `message_post` over call_kw returns the bare message id. 16 stores an HTML string as HTML;
 * from 17 a plain string is escaped (only `body_is_html=True` keeps it as HTML).
 */
export function messagePost(state: SandboxState, model: string, ids: number[], kwargs: Record<string, unknown>, uid: number): number {
  const { db } = state;
  if (ids.length !== 1) throw new OdooError('builtins.ValueError', `Expected singleton: ${recordsetRepr(model, ids)}`);
  const [id = 0] = ids;
  const record = db.find(model, id);
  if (!record) throw missingRecord(model, id, uid);

  const raw = typeof kwargs['body'] === 'string' ? kwargs['body'] : '';
  const keepHtml = state.version === 16 || kwargs['body_is_html'] === true;
  const body = raw === '' ? '' : sanitizeHtml(keepHtml ? raw : escapeText(raw));

  const xmlid = typeof kwargs['subtype_xmlid'] === 'string' ? kwargs['subtype_xmlid'] : undefined;
  let subtype: number = typeof kwargs['subtype_id'] === 'number' ? kwargs['subtype_id'] : SUBTYPES.note;
  if (xmlid !== undefined) {
    const found = SUBTYPE_XMLIDS[xmlid];
    if (found === undefined) throw externalIdNotFound(xmlid);
    subtype = found;
  }
  const author = typeof kwargs['author_id'] === 'number' ? kwargs['author_id'] : userPartner(state, uid);
  const partnerIds = Array.isArray(kwargs['partner_ids']) ? kwargs['partner_ids'].filter((p): p is number => typeof p === 'number') : [];
  const messageType = typeof kwargs['message_type'] === 'string' ? kwargs['message_type'] : 'notification';
  const subject = typeof kwargs['subject'] === 'string' ? kwargs['subject'] : false;
  const messageId = postMessage(state, { model, res_id: id, body, subject, message_type: messageType, subtype_id: subtype, author_id: author, partner_ids: partnerIds });

  // A discussion message (not a note) is emailed to the followers: the customer follows their ticket.
  if (subtype === SUBTYPES.discussion && model === state.names.ticket) {
    const customer = many2oneId(record['partner_id']);
    const recipients = [...new Set([...(customer === false ? [] : [customer]), ...partnerIds])].filter((p) => p !== author);
    const to = recipients.map((p) => String(db.find('res.partner', p)?.['email'] || '')).filter(Boolean).join(', ');
    if (to) {
      state.outbox.push({
        ticketId: id, stageName: stageName(state, record), template: '', to,
        subject: subject || `Re: ${db.displayName(model, id)}`, body: htmlToText(body), bodyHtml: body, at: new Date().toISOString(),
      });
    }
  }
  return messageId;
}

// ---- activity_schedule -------------------------------------------------------------------------------

/** `activity_schedule` returns a recordset; over call_kw that is its repr, e.g. "mail.activity(5,)". */
export function activitySchedule(state: SandboxState, model: string, ids: number[], kwargs: Record<string, unknown>, uid: number): string {
  const { db } = state;
  const xmlid = typeof kwargs['act_type_xmlid'] === 'string' ? kwargs['act_type_xmlid'] : '';
  let activityType = typeof kwargs['activity_type_id'] === 'number' ? kwargs['activity_type_id'] : ACTIVITY_TYPES['mail.mail_activity_data_todo'] ?? 4;
  if (xmlid) {
    const found = ACTIVITY_TYPES[xmlid];
    if (found === undefined) throw externalIdNotFound(xmlid);
    activityType = found;
  }
  let deadline = kwargs['date_deadline'];
  if (deadline === undefined || deadline === null || deadline === false) {
    const delay = Number(db.find('mail.activity.type', activityType)?.['delay_count'] ?? 0);
    deadline = new Date(Date.parse(`${db.today()}T00:00:00Z`) + delay * 86_400_000).toISOString().slice(0, 10);
  }
  if (typeof deadline !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(deadline) || Number.isNaN(Date.parse(deadline))) {
    throw new OdooError('builtins.ValueError', `time data ${pyRepr(deadline)} does not match format '%Y-%m-%d'`);
  }
  const userId = typeof kwargs['user_id'] === 'number' ? kwargs['user_id'] : uid;
  const created: number[] = [];
  for (const id of ids) {
    if (!db.find(model, id)) throw missingRecord(model, id, uid);
    created.push(db.insert('mail.activity', {
      res_model: model, res_id: id, activity_type_id: activityType, date_deadline: deadline, user_id: userId,
      summary: typeof kwargs['summary'] === 'string' ? kwargs['summary'] : false,
      note: typeof kwargs['note'] === 'string' && kwargs['note'] !== '' ? sanitizeHtml(kwargs['note']) : false,
      create_uid: uid, write_uid: uid,
    }).id);
  }
  return recordsetRepr('mail.activity', created);
}

/** Touching a deleted record through a tracked mail.thread field, as Odoo 16 words it. */
export function missingRecord(model: string, id: number, uid: number): OdooError {
  return new OdooError('odoo.exceptions.MissingError', `Record does not exist or has been deleted.\n(Record: ${recordsetRepr(model, [id])}, User: ${uid})`, [
    frame('odoo-server/odoo/fields.py', 1161, '__get__', 'raise MissingError("\\n".join(['),
  ]);
}
