// Converting values sent over RPC (write/create) into stored values, with Odoo's errors for bad ones.
import type { Database } from './database.ts';
import { OdooError, invalidField, pyRepr } from './errors.ts';
import { sanitizeHtml } from './html.ts';
import type { FieldDef, StoredValue } from './models.ts';

/** x2many commands: (6, 0, ids) replace, (4, id) link, (3, id) unlink, (5,) clear; a bare id list replaces. */
function x2many(current: StoredValue, value: unknown, field: string, model: string): number[] {
  const ids = new Set(Array.isArray(current) ? current : []);
  if (!Array.isArray(value)) throw new OdooError('builtins.ValueError', `Wrong value for ${model}.${field}: ${pyRepr(value)}`);
  if (value.every((v) => typeof v === 'number')) return [...value] as number[];
  for (const command of value) {
    if (!Array.isArray(command)) throw new OdooError('builtins.ValueError', `Wrong value for ${model}.${field}: ${pyRepr(value)}`);
    const [code, id, list] = command as [unknown, unknown, unknown];
    if (code === 6 && Array.isArray(list)) { ids.clear(); for (const x of list) if (typeof x === 'number') ids.add(x); }
    else if (code === 4 && typeof id === 'number') ids.add(id);
    else if ((code === 3 || code === 2) && typeof id === 'number') ids.delete(id);
    else if (code === 5) ids.clear();
    else throw new OdooError('builtins.ValueError', `Wrong value for ${model}.${field}: ${pyRepr(value)}`);
  }
  return [...ids];
}

function foreignKeyError(db: Database, model: string, field: string): OdooError {
  const description = db.model(model).description;
  return new OdooError(
    'odoo.exceptions.ValidationError',
    `The operation cannot be completed: another model requires the record being deleted. If possible, archive it instead.\n\nModel: ${description} (${model})\nConstraint: ${model.replace(/\./g, '_')}_${field}_fkey\n`,
  );
}

export function notNullError(db: Database, model: string, field: string, def: FieldDef): OdooError {
  return new OdooError(
    'odoo.exceptions.ValidationError',
    'The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
      `Model: ${db.model(model).description} (${model})\nField: ${def.string} (${field})\n`,
  );
}

function convertOne(db: Database, model: string, name: string, def: FieldDef, value: unknown, current: StoredValue): StoredValue {
  if (value === null || value === false) return def.type === 'many2many' || def.type === 'one2many' ? [] : def.type === 'boolean' ? false : false;
  switch (def.type) {
    case 'many2one': {
      if (typeof value !== 'number') throw new OdooError('builtins.TypeError', `unhashable type: ${pyRepr(typeof value === 'object' ? 'list' : typeof value)}`);
      if (!def.relation || !db.find(def.relation, value)) throw foreignKeyError(db, model, name);
      return value;
    }
    case 'many2many':
    case 'one2many':
      return x2many(current, value, name, model);
    case 'selection':
      if (!def.selection?.some(([key]) => key === value)) throw new OdooError('builtins.ValueError', `Wrong value for ${model}.${name}: ${pyRepr(value)}`);
      return value as string;
    case 'boolean':
      return Boolean(value);
    case 'integer':
    case 'many2one_reference':
      return Math.trunc(Number(value));
    case 'float':
    case 'monetary':
      return Number(value);
    case 'html':
      return sanitizeHtml(String(value));
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

/** Validates field names (first unknown raises "Invalid field") and converts each value. */
export function convertValues(db: Database, model: string, values: unknown, current: Record<string, StoredValue> = {}): Record<string, StoredValue> {
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new OdooError('builtins.AttributeError', `${pyRepr(Array.isArray(values) ? 'list' : typeof values)} object has no attribute 'items'`);
  }
  const fields = db.model(model).fields;
  const out: Record<string, StoredValue> = {};
  for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
    const def = fields[name];
    if (!def || name === 'id') throw invalidField(name, model, 'write');
    if (def.compute) continue; // computed without inverse: Odoo ignores the value
    out[name] = convertOne(db, model, name, def, value, current[name] ?? false);
  }
  return out;
}
