// Is this page a helpdesk ticket form? Path URLs of 17.2+ often do not name the model
// (`/odoo/all-tickets/42`, `/odoo/helpdesk/3/tickets/42`, `/odoo/action-612/42`): the action that
// opened the record does. Its model is looked up once per action (`ir.actions.act_window` by `path`,
// 17.2+, or by id) and remembered (`memory`, e.g. extension storage for this origin) across page loads.
import type { OdooRpc } from './rpc';
import { TICKET_MODEL, ticketFromUrl, webClientLocation } from './ticket-url';

export type ActionRef = { id: number } | { path: string };

/** The window action a ticket-form URL names, when the URL does not name the model. */
export function actionOfUrl(url: string): ActionRef | null {
  const location = webClientLocation(url);
  if (!location) return null;
  const { path, hash } = location;
  if (path === '/web') {
    const action = new URLSearchParams(hash.replace(/^#/, '')).get('action');
    return action && /^[1-9]\d*$/.test(action) ? { id: Number(action) } : null;
  }
  const segments = path.split('/').filter(Boolean);
  const opener = segments.at(-2);
  if (segments[0] !== 'odoo' || segments.length < 3 || opener === undefined) return null;
  const byId = /^action-([1-9]\d*)$/.exec(opener);
  if (byId?.[1]) return { id: Number(byId[1]) };
  return opener.includes('.') || /^\d+$/.test(opener) ? null : { path: decodeURIComponent(opener) };
}

type Row = { res_model?: unknown };

/** Where learnt action models are kept between page loads (null = not a model's window action). */
export interface ActionModelMemory {
  recall(key: string): Promise<string | null | undefined>;
  remember(key: string, model: string | null): Promise<void>;
}

/**
 * `isTicketPage(url)`: true when the URL shows a helpdesk ticket record: named by the URL, or opened by
 * a window action on `helpdesk.ticket`. Rejects (OdooError) only when Odoo could not be asked.
 */
export function createTicketPageCheck(rpc: OdooRpc, memory?: ActionModelMemory): (url: string) => Promise<boolean> {
  const models = new Map<string, Promise<string | null>>();

  function actionModel(action: ActionRef): Promise<string | null> {
    const key = 'id' in action ? `id:${action.id}` : `path:${action.path}`;
    let model = models.get(key);
    if (!model) {
      const ask = async () => {
        const known = await memory?.recall(key).catch(() => undefined);
        if (known !== undefined) return known;
        const [row] =
          'id' in action
            ? await rpc.callKw<Row[]>('ir.actions.act_window', 'read', [[action.id], ['res_model']])
            : await rpc.callKw<Row[]>('ir.actions.act_window', 'search_read', [], { domain: [['path', '=', action.path]], fields: ['res_model'], limit: 1 });
        const found = typeof row?.res_model === 'string' ? row.res_model : null;
        await memory?.remember(key, found).catch(() => undefined); // only costs a call next time
        return found;
      };
      const asked = ask();
      models.set(key, asked);
      asked.catch(() => models.delete(key)); // not remembered: asked again on the next visit
      model = asked;
    }
    return model;
  }

  return async (url) => {
    const ticket = ticketFromUrl(url);
    if (!ticket) return false;
    if (ticket.model !== null) return ticket.model === TICKET_MODEL;
    const action = actionOfUrl(url);
    return action !== null && (await actionModel(action)) === TICKET_MODEL;
  };
}
