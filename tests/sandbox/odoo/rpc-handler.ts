// /web/dataset/call_kw: the ORM methods the extension and the sandbox page call, per version.
import type { Domain, LoadMode } from './database.ts';
import { OdooError, frame, pyRepr } from './errors.ts';
import { activitySchedule, messagePost, missingRecord } from './mail.ts';
import type { FieldDef, StoredRecord } from './models.ts';
import type { AccessOperation, SandboxState } from './state.ts';
import { createTicket, writeTickets } from './tickets.ts';
import { convertValues, notNullError } from './values.ts';

export interface CallKw {
  model: string;
  method: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  uid: number;
}

const MAIL_THREADS = new Set(['helpdesk.ticket', 'res.partner', 'sale.order']);
const OPERATION_WORDS: Record<AccessOperation, string> = { read: 'access', write: 'modify', create: 'create', unlink: 'delete' };

export function assertAccess(state: SandboxState, model: string, operation: AccessOperation): void {
  if (!state.denied.has(`${model}:${operation}`)) return;
  const description = state.db.model(model).description;
  throw new OdooError(
    'odoo.exceptions.AccessError',
    `You are not allowed to ${OPERATION_WORDS[operation]} '${description}' (${model}) records.\n\nNo group currently allows this operation.\n\nContact your administrator to request access if necessary.`,
    [frame('odoo-server/odoo/addons/base/models/ir_model.py', 1984, 'check', 'raise AccessError(msg)')],
  );
}

/** call_kw's positional-or-keyword argument lookup. */
function arg(call: CallKw, index: number, name: string): unknown {
  return call.args.length > index ? call.args[index] : call.kwargs[name];
}

function idsOf(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.filter((v): v is number => typeof v === 'number');
  return [];
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.length > 0 ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

function optionalNumber(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function domainOf(value: unknown): Domain {
  if (value === undefined || value === null || value === false) return [];
  if (!Array.isArray(value)) throw new OdooError('builtins.ValueError', `Invalid domain: ${pyRepr(value)}`);
  return value;
}

function missingMethod(state: SandboxState, model: string, method: string): OdooError {
  // 16 fails in getattr(); 17 added an explicit message in api.call_kw.
  const message = state.version === 16
    ? `type object ${pyRepr(model)} has no attribute ${pyRepr(method)}`
    : `The method '${method}' does not exist on the model '${model}'`;
  return new OdooError('builtins.AttributeError', message, [frame('odoo-server/odoo/api.py', 461, 'call_kw', state.version === 16 ? 'method = getattr(type(model), name)' : "raise AttributeError(f\"The method '{name}' does not exist on the model '{model._name}'\")")]);
}

// ---- reading ------------------------------------------------------------------------------------------

function read(state: SandboxState, model: string, ids: number[], fields: string[] | undefined, load: LoadMode): Record<string, unknown>[] {
  const { db } = state;
  assertAccess(state, model, 'read');
  const names = fields ?? db.allFieldNames(model);
  db.checkFields(model, names, 'read');
  // Deleted ids are silently left out, as Odoo does for read().
  return ids.map((id) => db.find(model, id)).filter((r): r is StoredRecord => r !== undefined).map((r) => db.format(model, r, names, load));
}

type Specification = Record<string, { fields?: Specification } | undefined>;

/** web_read (17+): many2one as id, or {id, display_name…} when sub-fields are asked; x2many likewise. */
function webRead(state: SandboxState, model: string, records: StoredRecord[], spec: Specification): Record<string, unknown>[] {
  const { db } = state;
  const names = Object.keys(spec);
  db.checkFields(model, names, 'read');
  return records.map((record) => {
    const out: Record<string, unknown> = { id: record.id };
    for (const name of names) {
      if (name === 'id') continue;
      const field = db.field(model, name);
      const sub = spec[name]?.fields;
      const value = db.formatValue(model, record, name, 'ids');
      if (field?.relation && sub && (field.type === 'many2one' || field.type === 'many2many' || field.type === 'one2many')) {
        const relation = field.relation;
        const related = (Array.isArray(value) ? value : typeof value === 'number' ? [value] : [])
          .map((id) => db.find(relation, id)).filter((r): r is StoredRecord => r !== undefined);
        const rows = webRead(state, relation, related, sub);
        out[name] = field.type === 'many2one' ? rows[0] ?? false : rows;
      } else {
        out[name] = value;
      }
    }
    return out;
  });
}

function fieldDescription(name: string, field: FieldDef): Record<string, unknown> {
  const stored = !field.compute && name !== 'display_name' && name !== '__last_update';
  const description: Record<string, unknown> = {
    change_default: false, company_dependent: false, default_export_compatible: false, depends: field.depends ?? [],
    exportable: true, manual: false, name, readonly: field.readonly ?? !stored, required: field.required ?? false,
    searchable: true, sortable: stored, store: stored, string: field.string, type: field.type,
  };
  if (field.relation) Object.assign(description, { context: {}, domain: field.domain ?? '[]', relation: field.relation });
  if (field.selection) description['selection'] = field.selection;
  if (field.help) description['help'] = field.help;
  return description;
}

function fieldsGet(state: SandboxState, model: string, allfields: string[] | undefined, attributes: string[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(state.db.model(model).fields)) {
    if (allfields && !allfields.includes(name)) continue;
    const full = fieldDescription(name, field);
    const picked = Object.keys(full).filter((k) => !attributes || attributes.includes(k)).sort();
    out[name] = Object.fromEntries(picked.map((k) => [k, full[k]]));
  }
  return out;
}

// ---- dispatch ---------------------------------------------------------------------------------------

function searchOptions(call: CallKw, offsetAt: number) {
  return {
    offset: optionalNumber(arg(call, offsetAt, 'offset')),
    limit: optionalNumber(arg(call, offsetAt + 1, 'limit')),
    order: typeof arg(call, offsetAt + 2, 'order') === 'string' ? (arg(call, offsetAt + 2, 'order') as string) : undefined,
    activeTest: (call.kwargs['context'] as Record<string, unknown> | undefined)?.['active_test'] !== false,
  };
}

function createRecords(state: SandboxState, call: CallKw): number | number[] {
  const { db } = state;
  assertAccess(state, call.model, 'create');
  const given = arg(call, 0, 'vals_list') ?? arg(call, 0, 'vals');
  const list = Array.isArray(given) ? given : [given];
  const ids = list.map((values) => {
    if (call.model === state.names.ticket) return createTicket(state, values, call.uid);
    const converted = convertValues(db, call.model, values);
    for (const [name, def] of Object.entries(db.model(call.model).fields)) {
      const missing = converted[name] === undefined || converted[name] === false;
      if (def.required && !def.compute && !def.readonly && def.default === undefined && missing) throw notNullError(db, call.model, name, def);
    }
    const record = db.insert(call.model, { ...converted, create_uid: call.uid, write_uid: call.uid });
    if (call.model === 'sale.order') {
      Object.assign(record, { name: `S${String(record.id).padStart(5, '0')}`, user_id: converted['user_id'] || call.uid });
    }
    return record.id;
  });
  return Array.isArray(given) ? ids : ids[0] ?? 0;
}

function writeRecords(state: SandboxState, call: CallKw): true {
  const { db } = state;
  assertAccess(state, call.model, 'write');
  const ids = idsOf(call.args[0]);
  const values = arg(call, 1, 'vals');
  if (call.model === state.names.ticket) return writeTickets(state, ids, values, call.uid);
  for (const id of ids) {
    const record = db.find(call.model, id);
    const converted = convertValues(db, call.model, values, record);
    if (!record) {
      throw new OdooError('odoo.exceptions.MissingError', `One of the records you are trying to modify has already been deleted (Document type: ${db.model(call.model).description}).\n\n(Records: [${id}], User: ${call.uid})`);
    }
    Object.assign(record, converted, { write_date: db.now(), write_uid: call.uid });
  }
  return true;
}

function checkAccessRights(state: SandboxState, model: string, operation: unknown, raise: boolean): boolean {
  const op = operation as AccessOperation;
  if (!['read', 'write', 'create', 'unlink'].includes(op)) throw new OdooError('builtins.ValueError', `Invalid access mode`);
  try {
    assertAccess(state, model, op);
    return true;
  } catch (error) {
    if (raise) throw error;
    return false;
  }
}

export function callKw(state: SandboxState, call: CallKw): unknown {
  const { db, version } = state;
  const { model, method } = call;
  if (method.startsWith('_')) {
    throw new OdooError('odoo.exceptions.AccessError', `Private methods (such as ${method}) cannot be called remotely.`);
  }
  db.model(model); // unknown model → KeyError, before anything else
  const ids = () => idsOf(call.args[0]);

  switch (method) {
    case 'read': {
      const load = arg(call, 2, 'load');
      return read(state, model, ids(), stringList(arg(call, 1, 'fields')), load === null || load === false ? 'ids' : 'classic');
    }
    case 'search_read': {
      assertAccess(state, model, 'read');
      const found = db.search(model, domainOf(arg(call, 0, 'domain')), searchOptions(call, 2));
      return read(state, model, found, stringList(arg(call, 1, 'fields')), 'classic');
    }
    case 'search': {
      assertAccess(state, model, 'read');
      const found = db.search(model, domainOf(arg(call, 0, 'domain') ?? arg(call, 0, 'args')), searchOptions(call, 1));
      return version === 16 && arg(call, 4, 'count') === true ? found.length : found;
    }
    case 'search_count':
      assertAccess(state, model, 'read');
      return db.search(model, domainOf(arg(call, 0, 'domain') ?? arg(call, 0, 'args'))).length;
    case 'name_search': {
      assertAccess(state, model, 'read');
      const name = String(arg(call, 0, 'name') ?? '');
      const domain = domainOf(arg(call, 1, version === 16 ? 'args' : 'domain') ?? call.kwargs['args']);
      const operator = String(arg(call, 2, 'operator') ?? 'ilike');
      const limit = optionalNumber(arg(call, 3, 'limit')) ?? 100;
      const matches = (label: string) => (operator === '=' ? label === name : label.toLowerCase().includes(name.toLowerCase()));
      const found = db.search(model, domain).filter((id) => name === '' || matches(db.displayName(model, id)));
      return found.slice(0, limit).map((id) => [id, db.displayName(model, id)]);
    }
    case 'name_get':
      if (version >= 18) break;
      assertAccess(state, model, 'read');
      return ids().filter((id) => db.find(model, id)).map((id) => [id, db.displayName(model, id)]);
    case 'web_read': {
      if (version === 16) break;
      assertAccess(state, model, 'read');
      const records = ids().map((id) => db.find(model, id)).filter((r): r is StoredRecord => r !== undefined);
      return webRead(state, model, records, (arg(call, 1, 'specification') ?? {}) as Specification);
    }
    case 'web_search_read': {
      assertAccess(state, model, 'read');
      const domain = domainOf(arg(call, 0, 'domain'));
      const all = db.search(model, domain, { ...searchOptions(call, 2), offset: undefined, limit: undefined });
      const page = db.search(model, domain, searchOptions(call, 2));
      const records = version === 16
        ? read(state, model, page, stringList(arg(call, 1, 'fields')), 'classic')
        : webRead(state, model, page.map((id) => db.find(model, id)).filter((r): r is StoredRecord => r !== undefined), (arg(call, 1, 'specification') ?? {}) as Specification);
      return { length: all.length, records };
    }
    case 'fields_get':
      return fieldsGet(state, model, stringList(arg(call, 0, 'allfields')), stringList(arg(call, 1, 'attributes')));
    case 'default_get': {
      const wanted = stringList(arg(call, 0, 'fields_list')) ?? [];
      const out: Record<string, unknown> = {};
      for (const name of wanted) {
        const def = db.field(model, name)?.default;
        if (def !== undefined) out[name] = typeof def === 'function' ? def() : def;
      }
      return out;
    }
    case 'write':
      return writeRecords(state, call);
    case 'create':
      return createRecords(state, call);
    case 'unlink':
      assertAccess(state, model, 'unlink');
      for (const id of ids()) db.remove(model, id);
      return true;
    case 'check_access_rights':
      if (version >= 18) break;
      return checkAccessRights(state, model, arg(call, 0, 'operation'), arg(call, 1, 'raise_exception') !== false);
    case 'has_access':
      if (version < 18) break;
      return checkAccessRights(state, model, arg(call, 1, 'operation'), false);
    case 'check_access':
      if (version < 18) break;
      checkAccessRights(state, model, arg(call, 1, 'operation'), true);
      return null;
    case 'message_post':
      if (!MAIL_THREADS.has(model)) break;
      assertAccess(state, model, 'write');
      assertAccess(state, 'mail.message', 'create');
      return messagePost(state, model, ids(), call.kwargs, call.uid);
    case 'activity_schedule': {
      if (!MAIL_THREADS.has(model)) break;
      const targets = ids();
      for (const id of targets) if (!db.find(model, id)) throw missingRecord(model, id, call.uid);
      assertAccess(state, model, 'write');
      assertAccess(state, 'mail.activity', 'create');
      return activitySchedule(state, model, targets, call.kwargs, call.uid);
    }
    default:
      break;
  }
  throw missingMethod(state, model, method);
}
