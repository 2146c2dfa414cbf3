// Field builders and the computes shared by the model definitions.
import type { Database } from './database.ts';
import type { FieldDef, ModelDef, OdooVersion, StoredValue } from './models.ts';

export const char = (string: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'char', string, ...extra });
export const html = (string: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'html', string, ...extra });
export const bool = (string: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'boolean', string, ...extra });
export const int = (string: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'integer', string, ...extra });
export const datetime = (string: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'datetime', string, ...extra });
export const m2o = (relation: string, string: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'many2one', relation, string, ...extra });
export const m2m = (relation: string, string: string, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'many2many', relation, string, ...extra });
export const o2m = (relation: string, string: string, compute: FieldDef['compute']): FieldDef => ({ type: 'one2many', relation, string, compute });
export const selection = (string: string, options: Array<[string, string]>, extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'selection', string, selection: options, ...extra });

export const many2oneId = (value: StoredValue | undefined): number | false => (typeof value === 'number' ? value : false);
export const idList = (value: StoredValue | undefined): number[] => (Array.isArray(value) ? value : []);

/** Ids of `model` records whose `field` points at `id` (the inverse of a many2one / many2many). */
export function inverse(db: Database, model: string, field: string, id: number): number[] {
  return db.records(model)
    .filter((r) => { const v = r[field]; return Array.isArray(v) ? v.includes(id) : v === id; })
    .map((r) => r.id);
}

export function threadMessages(db: Database, model: string, id: number): number[] {
  return db.records('mail.message').filter((m) => m['model'] === model && m['res_id'] === id).map((m) => m.id).reverse();
}

export function threadActivities(db: Database, model: string, id: number): number[] {
  return db.records('mail.activity').filter((a) => a['res_model'] === model && a['res_id'] === id).map((a) => a.id);
}

export function related(db: Database, model: string, id: StoredValue | undefined, field: string): StoredValue {
  const target = many2oneId(id);
  if (target === false) return false;
  const record = db.find(model, target);
  return record ? db.value(model, record, field) : false;
}

function magicFields(version: OdooVersion): Record<string, FieldDef> {
  const fields: Record<string, FieldDef> = {
    id: int('ID', { readonly: true }),
    display_name: char('Display Name', { readonly: true, compute: () => null }),
    create_uid: m2o('res.users', 'Created by', { readonly: true }),
    create_date: datetime('Created on', { readonly: true }),
    write_uid: m2o('res.users', 'Last Updated by', { readonly: true }),
    write_date: datetime('Last Updated on', { readonly: true }),
  };
  // __last_update disappeared in 17.0.
  if (version === 16) fields['__last_update'] = datetime('Last Modified on', { readonly: true, compute: (r) => r['write_date'] ?? r['create_date'] ?? false });
  return fields;
}

export function define(version: OdooVersion, def: ModelDef): ModelDef {
  return { ...def, fields: { ...def.fields, ...magicFields(version) } };
}

