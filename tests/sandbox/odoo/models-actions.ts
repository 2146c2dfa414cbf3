// ir.actions.act_window: the window actions whose id (`action-612`) or path (`tickets`, 17.2+) appear in
// the web client's URLs. The extension asks them which model a path URL shows.
import { char, define, selection } from './fields.ts';
import type { ModelDef, OdooVersion } from './models.ts';
import type { SandboxState } from './state.ts';

export function actionModels(version: OdooVersion): ModelDef[] {
  const fields: ModelDef['fields'] = {
    name: char('Action Name', { required: true }),
    type: char('Action Type', { default: 'ir.actions.act_window' }),
    res_model: char('Destination Model', { required: true }),
    view_mode: char('View Mode', { default: 'list,form' }),
    target: selection('Target Window', [['current', 'Current Window'], ['new', 'New Window'], ['main', 'Main action of Current Window']], { default: 'current' }),
  };
  // `path` came with the /odoo URLs (saas~17.2, which reports major version 17).
  if (version >= 17) fields['path'] = char('Path to show in the URL');
  return [define(version, { name: 'ir.actions.act_window', description: 'Action Window', order: 'name', fields })];
}

/** The helpdesk's actions, and a CRM one whose record forms look alike (stage statusbar, team field). */
export function seedActions(state: SandboxState): void {
  const { db, names, version } = state;
  const actions: Array<[number, string, string, string]> = [
    [names.action, 'Tickets', names.ticket, 'tickets'],
    [names.action + 1, 'All Tickets', names.ticket, 'all-tickets'],
    [names.action + 2, 'My Tickets', names.ticket, 'my-tickets'],
    [names.action + 3, 'Helpdesk Teams', names.team, 'helpdesk'],
    [names.action + 40, 'Leads', 'crm.lead', 'leads'],
  ];
  for (const [id, name, model, path] of actions) {
    db.insert('ir.actions.act_window', { name, res_model: model, ...(version >= 17 ? { path } : {}) }, id);
  }
}
