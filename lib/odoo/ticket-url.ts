// Which ticket a URL of the Odoo web client shows, for Odoo 16 to 19.
//
// 16, 17.0, 17.1: hash parameters  /web#id=42&model=helpdesk.ticket&view_type=form&cids=1…
// 17.2+ (18, 19): path routing     /odoo/[active_id/](action path | action-<id> | model)[/record id]
//
// A path URL often does not name the model (`/odoo/all-tickets/42`): then `model` is null and the
// caller confirms with the page (a ticket form) or an RPC before treating the record as a ticket.

export const TICKET_MODEL = 'helpdesk.ticket';

export interface TicketLocation {
  id: number;
  /** The model named by the URL, or null when the URL does not say (an action path). */
  model: string | null;
}

/** The path (no trailing slash) and hash of a web-client URL, or null when it is no URL. */
export function webClientLocation(url: string): { path: string; hash: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return { path: parsed.pathname.replace(/\/+$/, ''), hash: parsed.hash };
}

export function ticketFromUrl(url: string): TicketLocation | null {
  const location = webClientLocation(url);
  if (!location) return null;
  const { path, hash } = location;
  if (path === '/web') return fromHash(hash);
  if (path === '/odoo' || path.startsWith('/odoo/')) return fromOdooPath(path);
  return null;
}

function fromHash(hash: string): TicketLocation | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = recordId(params.get('id'));
  if (id === null) return null;
  // Without view_type the web client opens a record id in its form view.
  const viewType = params.get('view_type');
  if (viewType !== null && viewType !== 'form') return null;
  const model = params.get('model');
  if (model !== null && model !== TICKET_MODEL) return null;
  return { id, model };
}

function fromOdooPath(path: string): TicketLocation | null {
  const segments = path.split('/').filter(Boolean).slice(1).map(safeDecode);
  // The last segment is the record (`new` = an unsaved record); the one before it opened it.
  const id = recordId(segments.at(-1) ?? null);
  const opener = segments.at(-2);
  if (id === null || opener === undefined) return null;
  if (opener.startsWith('action-')) return { id, model: null };
  // Action paths never contain a dot; a dotted segment is a model name.
  if (opener.includes('.')) return opener === TICKET_MODEL ? { id, model: opener } : null;
  // A number here would make the "record" an active_id with no action after it.
  if (/^\d+$/.test(opener)) return null;
  return { id, model: null };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a stray '%': keep it, it then matches nothing
  }
}

function recordId(value: string | null): number | null {
  if (value === null || !/^[1-9]\d*$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}
