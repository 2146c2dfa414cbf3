// The models the stand-in knows, per Helpdesk flavour (Enterprise `helpdesk` or OCA `helpdesk_mgmt`) and version.
import type { Database } from './database.ts';
import { enterpriseHelpdesk, ocaHelpdesk } from './models-helpdesk.ts';
import { baseModels, salesModels } from './models-base.ts';
import { actionModels } from './models-actions.ts';

export type HelpdeskFlavour = 'enterprise' | 'oca';
export type OdooVersion = 16 | 17 | 18 | 19;

export type FieldType =
  | 'char' | 'text' | 'html' | 'integer' | 'float' | 'monetary' | 'boolean' | 'selection'
  | 'many2one' | 'many2many' | 'one2many' | 'date' | 'datetime' | 'many2one_reference';

/** Raw stored value: many2one as id or false, x2many as ids, the rest as JSON scalars. */
export type StoredValue = string | number | boolean | number[] | null;
export type StoredRecord = Record<string, StoredValue> & { id: number };

export interface FieldDef {
  type: FieldType;
  string: string;
  relation?: string;
  selection?: Array<[string, string]>;
  required?: boolean;
  readonly?: boolean;
  help?: string;
  /** fields_get `domain` of relational fields (a string, as Odoo sends it). */
  domain?: string;
  depends?: string[];
  /** Non-stored computed field. */
  compute?: (record: StoredRecord, db: Database) => StoredValue;
  default?: StoredValue | (() => StoredValue);
  /** Changes are logged in the chatter (mail tracking). */
  tracking?: boolean;
}

export interface ModelDef {
  name: string;
  /** `_description`, used in access error messages. */
  description: string;
  order: string;
  fields: Record<string, FieldDef>;
  displayName?: (record: StoredRecord, db: Database) => string;
}

/** Where the two flavours differ in names. */
export interface FlavourNames {
  flavour: HelpdeskFlavour;
  ticket: 'helpdesk.ticket';
  stage: 'helpdesk.stage' | 'helpdesk.ticket.stage';
  team: 'helpdesk.team' | 'helpdesk.ticket.team';
  tag: 'helpdesk.tag' | 'helpdesk.ticket.tag';
  stageTemplate: 'template_id' | 'mail_template_id';
  teamMembers: 'member_ids' | 'user_ids';
  ticketRef: 'ticket_ref' | 'number';
  lastStageUpdate: 'date_last_stage_update' | 'last_stage_update';
  closeDate: 'close_date' | 'closed_date';
  assignDate: 'assign_date' | 'assigned_date';
  defaultPriority: '0' | '1';
  /** ir.actions.act_window id and menu id of "Tickets", as they appear in URLs. */
  action: number;
  menu: number;
}

export function flavourNames(flavour: HelpdeskFlavour): FlavourNames {
  return flavour === 'enterprise'
    ? {
        flavour, ticket: 'helpdesk.ticket', stage: 'helpdesk.stage', team: 'helpdesk.team', tag: 'helpdesk.tag',
        stageTemplate: 'template_id', teamMembers: 'member_ids', ticketRef: 'ticket_ref',
        lastStageUpdate: 'date_last_stage_update', closeDate: 'close_date', assignDate: 'assign_date',
        defaultPriority: '0', action: 612, menu: 384,
      }
    : {
        flavour, ticket: 'helpdesk.ticket', stage: 'helpdesk.ticket.stage', team: 'helpdesk.ticket.team', tag: 'helpdesk.ticket.tag',
        stageTemplate: 'mail_template_id', teamMembers: 'user_ids', ticketRef: 'number',
        lastStageUpdate: 'last_stage_update', closeDate: 'closed_date', assignDate: 'assigned_date',
        defaultPriority: '1', action: 157, menu: 105,
      };
}

export function buildModels(flavour: HelpdeskFlavour, version: OdooVersion, salesInstalled: boolean): Map<string, ModelDef> {
  const models = [
    ...baseModels(version),
    ...actionModels(version),
    ...(flavour === 'enterprise' ? enterpriseHelpdesk(version, salesInstalled) : ocaHelpdesk(version)),
    ...(salesInstalled ? salesModels(version) : []),
  ];
  return new Map(models.map((m) => [m.name, m]));
}
