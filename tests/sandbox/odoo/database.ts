// In-memory records with Odoo's read formats, domains and orders (the subset the extension and page use).
import { OdooError, invalidField, pyRepr, unknownModel } from './errors.ts';
import type { FieldDef, ModelDef, StoredRecord, StoredValue } from './models.ts';

export type Domain = unknown[];
export interface SearchOptions { order?: string | null; limit?: number | null; offset?: number | null; activeTest?: boolean }
/** 'classic': many2one as [id, name] (read); 'ids': many2one as id (read with load=None, web_read). */
export type LoadMode = 'classic' | 'ids';

export function odooDatetime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export class Database {
  private readonly tables = new Map<string, Map<number, StoredRecord>>();
  private readonly lastIds = new Map<string, number>();

  constructor(readonly models: ReadonlyMap<string, ModelDef>, readonly clock: () => Date = () => new Date()) {
    for (const name of models.keys()) this.tables.set(name, new Map());
  }

  now(): string { return odooDatetime(this.clock()); }
  /** Today in the users' time zone (Europe/Brussels), as activity states are computed. */
  today(): string { return this.clock().toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' }); }

  model(name: string): ModelDef {
    const model = this.models.get(name);
    if (!model) throw unknownModel(name);
    return model;
  }

  field(model: string, name: string): FieldDef | undefined {
    return this.model(model).fields[name];
  }

  private table(model: string): Map<number, StoredRecord> {
    const table = this.tables.get(model);
    if (!table) throw unknownModel(model);
    return table;
  }

  records(model: string): StoredRecord[] {
    return [...this.table(model).values()].sort((a, b) => a.id - b.id);
  }

  find(model: string, id: number): StoredRecord | undefined {
    return this.tables.get(model)?.get(id);
  }

  /** Raw insert (no validation, no side effects): used by the seed and by create(). */
  insert(model: string, values: Record<string, StoredValue>, id?: number): StoredRecord {
    const table = this.table(model);
    const newId = id ?? (this.lastIds.get(model) ?? 0) + 1;
    this.lastIds.set(model, Math.max(newId, this.lastIds.get(model) ?? 0));
    const record: StoredRecord = { id: newId };
    for (const [name, field] of Object.entries(this.model(model).fields)) {
      if (field.compute || name === 'id') continue;
      const fallback = typeof field.default === 'function' ? field.default() : field.default;
      record[name] = values[name] ?? fallback ?? emptyValue(field);
    }
    const now = this.now();
    record['create_date'] = values['create_date'] ?? now;
    record['write_date'] = values['write_date'] ?? record['create_date'];
    record['create_uid'] = values['create_uid'] ?? 1;
    record['write_uid'] = values['write_uid'] ?? record['create_uid'];
    table.set(newId, record);
    return record;
  }

  patch(model: string, id: number, values: Record<string, StoredValue>): void {
    const record = this.find(model, id);
    if (record) Object.assign(record, values);
  }

  remove(model: string, id: number): boolean {
    return this.table(model).delete(id);
  }

  value(model: string, record: StoredRecord, name: string): StoredValue {
    if (name === 'id') return record.id;
    if (name === 'display_name') return this.displayName(model, record.id);
    const field = this.model(model).fields[name];
    if (!field) return false;
    if (field.compute) return field.compute(record, this);
    return record[name] ?? emptyValue(field);
  }

  displayName(model: string, id: number): string {
    const def = this.model(model);
    const record = this.find(model, id);
    if (!record) return '';
    if (def.displayName) return def.displayName(record, this);
    return String(record['name'] ?? '');
  }

  // ---- read formats -------------------------------------------------------------------------------

  /** One record as `read` returns it: `id` first, then the fields in the order asked. */
  format(model: string, record: StoredRecord, fields: readonly string[], load: LoadMode): Record<string, unknown> {
    const out: Record<string, unknown> = { id: record.id };
    for (const name of fields) {
      if (name === 'id') continue;
      out[name] = this.formatValue(model, record, name, load);
    }
    return out;
  }

  formatValue(model: string, record: StoredRecord, name: string, load: LoadMode): unknown {
    const field = name === 'id' ? undefined : this.model(model).fields[name];
    const value = this.value(model, record, name);
    if (!field) return value;
    switch (field.type) {
      case 'many2one': {
        if (typeof value !== 'number' || !field.relation || !this.find(field.relation, value)) return false;
        return load === 'classic' ? [value, this.displayName(field.relation, value)] : value;
      }
      case 'one2many':
      case 'many2many':
        return Array.isArray(value) ? [...value] : [];
      case 'integer':
      case 'float':
      case 'monetary':
        return typeof value === 'number' ? value : 0;
      case 'boolean':
        return value === true;
      case 'many2one_reference':
        return typeof value === 'number' ? value : 0;
      default:
        return value === null || value === undefined || value === false ? false : value;
    }
  }

  /** Checks requested field names like `read` does (first unknown name raises). */
  checkFields(model: string, fields: readonly string[], where: 'read' | 'write'): void {
    const def = this.model(model);
    for (const name of fields) {
      if (name !== 'id' && !def.fields[name]) throw invalidField(name, model, where);
    }
  }

  allFieldNames(model: string): string[] {
    return Object.keys(this.model(model).fields).filter((name) => name !== 'id');
  }

  // ---- search -------------------------------------------------------------------------------------

  search(model: string, domain: Domain, options: SearchOptions = {}): number[] {
    const def = this.model(model);
    if (!Array.isArray(domain)) throw new OdooError('builtins.ValueError', `Invalid domain: ${pyRepr(domain)}`);
    const mentionsActive = JSON.stringify(domain).includes('"active"');
    const filterActive = Boolean(def.fields['active']) && options.activeTest !== false && !mentionsActive;
    let records = this.records(model).filter((r) => (!filterActive || this.value(model, r, 'active') === true) && this.matches(model, r, domain));
    records = this.sort(model, records, options.order ?? def.order);
    const offset = options.offset ?? 0;
    const end = options.limit ? offset + options.limit : undefined;
    return records.slice(offset, end).map((r) => r.id);
  }

  private matches(model: string, record: StoredRecord, domain: Domain): boolean {
    // Polish notation: evaluate from the end with a stack; what remains is implicitly AND-ed.
    const stack: boolean[] = [];
    for (let i = domain.length - 1; i >= 0; i--) {
      const item = domain[i];
      if (item === '&' || item === '|') {
        const a = stack.pop() ?? true;
        const b = stack.pop() ?? true;
        stack.push(item === '&' ? a && b : a || b);
      } else if (item === '!') {
        stack.push(!(stack.pop() ?? true));
      } else if (Array.isArray(item) && item.length === 3) {
        stack.push(this.leaf(model, record, item as [unknown, unknown, unknown]));
      } else {
        throw new OdooError('builtins.ValueError', `Invalid leaf ${pyRepr(item)}`);
      }
    }
    return stack.every(Boolean);
  }

  private leaf(model: string, record: StoredRecord, leaf: [unknown, unknown, unknown]): boolean {
    const [path, operator, expected] = leaf;
    if (path === 1 || path === 0) return (path === 1) === (expected === 1); // TRUE_LEAF / FALSE_LEAF
    if (typeof path !== 'string' || typeof operator !== 'string') throw new OdooError('builtins.ValueError', `Invalid leaf ${pyRepr(leaf)}`);
    const [head = '', ...rest] = path.split('.');
    const field = head === 'id' ? ({ type: 'integer', string: 'ID' } as FieldDef) : this.model(model).fields[head];
    if (!field) throw new OdooError('builtins.ValueError', `Invalid field ${model}.${head} in leaf ${pyRepr(leaf)}`);
    const value = this.value(model, record, head);

    if (field.relation && (field.type === 'many2one' || field.type === 'many2many' || field.type === 'one2many')) {
      const ids = typeof value === 'number' ? [value] : Array.isArray(value) ? value : [];
      if (rest.length > 0) {
        const sub: unknown[] = [[rest.join('.'), operator, expected]];
        const anyMatch = ids.some((id) => { const r = this.find(field.relation ?? '', id); return r ? this.matches(field.relation ?? '', r, sub) : false; });
        return operator.startsWith('not') || operator === '!=' ? ids.every((id) => { const r = this.find(field.relation ?? '', id); return r ? this.matches(field.relation ?? '', r, sub) : true; }) : anyMatch;
      }
      return this.relationalLeaf(field.relation, ids, operator, expected);
    }
    return compare(value, operator, expected, leaf);
  }

  private relationalLeaf(relation: string, ids: number[], operator: string, expected: unknown): boolean {
    const names = () => ids.map((id) => this.displayName(relation, id).toLowerCase());
    if (typeof expected === 'string') {
      const needle = expected.toLowerCase();
      const hit = operator.includes('like') ? names().some((n) => n.includes(needle)) : names().some((n) => n === needle);
      return operator.startsWith('not') || operator === '!=' ? !hit : hit;
    }
    if (expected === false || expected === null) {
      return operator === '=' || operator === 'in' ? ids.length === 0 : ids.length > 0;
    }
    const wanted = Array.isArray(expected) ? expected : [expected];
    const hit = ids.some((id) => wanted.includes(id));
    switch (operator) {
      case '=': case 'in': case 'child_of': case 'parent_of': return hit;
      case '!=': case 'not in': return !hit;
      default: throw new OdooError('builtins.ValueError', `Invalid leaf operator ${pyRepr(operator)}`);
    }
  }

  private sort(model: string, records: StoredRecord[], order: string): StoredRecord[] {
    const terms = order.split(',').map((t) => t.trim()).filter(Boolean).map((term) => {
      const [name = '', direction = 'asc'] = term.split(/\s+/);
      if (name !== 'id' && !this.model(model).fields[name]) {
        throw new OdooError('builtins.ValueError', `Invalid "order" specified (${order}). A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)`);
      }
      return { name, desc: direction.toLowerCase() === 'desc' };
    });
    return [...records].sort((a, b) => {
      for (const { name, desc } of terms) {
        const diff = compareForOrder(this.value(model, a, name), this.value(model, b, name));
        if (diff !== 0) return desc ? -diff : diff;
      }
      return 0;
    });
  }
}

function emptyValue(field: FieldDef): StoredValue {
  if (field.type === 'many2many' || field.type === 'one2many') return [];
  if (field.type === 'boolean') return false;
  return false;
}

function compareForOrder(a: StoredValue, b: StoredValue): number {
  const empty = (v: StoredValue) => v === false || v === null || v === '';
  if (empty(a) || empty(b)) return empty(a) === empty(b) ? 0 : empty(a) ? 1 : -1; // NULLs last (ASC)
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

function compare(value: StoredValue, operator: string, expected: unknown, leaf: unknown): boolean {
  const isEmpty = value === false || value === null;
  const text = typeof value === 'string' ? value : value === false || value === null ? '' : String(value);
  switch (operator) {
    case '=': return expected === false || expected === null ? isEmpty : value === expected;
    case '!=': return expected === false || expected === null ? !isEmpty : value !== expected;
    case '=?': return expected === false || expected === null || expected === undefined ? true : value === expected;
    case 'in': return Array.isArray(expected) && expected.some((e) => (e === false ? isEmpty : e === value));
    case 'not in': return Array.isArray(expected) && !expected.some((e) => (e === false ? isEmpty : e === value));
    case 'like': return !isEmpty && text.includes(String(expected).replace(/%/g, ''));
    case 'not like': return isEmpty || !text.includes(String(expected).replace(/%/g, ''));
    case 'ilike': return !isEmpty && text.toLowerCase().includes(String(expected).replace(/%/g, '').toLowerCase());
    case 'not ilike': return isEmpty || !text.toLowerCase().includes(String(expected).replace(/%/g, '').toLowerCase());
    case '=like': return !isEmpty && likePattern(String(expected), false).test(text);
    case '=ilike': return !isEmpty && likePattern(String(expected), true).test(text);
    case '<': return !isEmpty && (value as number | string) < (expected as number | string);
    case '>': return !isEmpty && (value as number | string) > (expected as number | string);
    case '<=': return !isEmpty && (value as number | string) <= (expected as number | string);
    case '>=': return !isEmpty && (value as number | string) >= (expected as number | string);
    default: throw new OdooError('builtins.ValueError', `Invalid leaf ${pyRepr(leaf)}`);
  }
}

function likePattern(pattern: string, insensitive: boolean): RegExp {
  const source = pattern.split('').map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, insensitive ? 'i' : '');
}
