/**
 * The sidebar's state for the ticket on screen (one store per Odoo tab). Loading a ticket costs two
 * `call_kw` requests once the origin's helpdesk flavour is known: the ticket, then its team's stages.
 */
import { createStore } from 'zustand/vanilla';
import type { OdooRpc } from '@/lib/odoo/rpc';
import { OdooError, describeOdooError } from '@/lib/odoo/rpc';
import { detectFlavour, readTeamStages, readTicket, type HelpdeskFlavour, type OdooStage, type Ticket } from '@/lib/odoo/helpdesk';
import { odooOriginFactsItem, type OdooOriginFacts } from '@/lib/settings';

export interface TicketState {
  ticketId: number | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  ticket: Ticket | null;
  stages: OdooStage[];
  facts: OdooOriginFacts | null;
  error: string | null;
  /** The session expired: the fix is a page reload (sign in again), not a retry. */
  sessionExpired: boolean;
  load(ticketId: number): Promise<void>;
  /** Shows the ticket as a change just re-read it from Odoo (saves reading it again). */
  setTicket(ticket: Ticket): void;
  clear(): void;
}

/** Learns (once per origin, then remembered) which helpdesk app and Odoo version this is. */
async function originFacts(rpc: OdooRpc, origin: string): Promise<OdooOriginFacts> {
  const known = (await odooOriginFactsItem.getValue())[origin];
  if (known) return known;
  const [flavour, session] = await Promise.all([detectFlavour(rpc), rpc.sessionInfo()]);
  const facts = { flavour: flavour as HelpdeskFlavour, version: session.serverVersion };
  await odooOriginFactsItem.setValue({ ...(await odooOriginFactsItem.getValue()), [origin]: facts });
  return facts;
}

export function createTicketStore(rpc: OdooRpc, origin: string) {
  let latest = 0; // a newer load wins over a slower older one (fast ticket-to-ticket navigation)
  return createStore<TicketState>((set) => ({
    ticketId: null,
    status: 'idle',
    ticket: null,
    stages: [],
    facts: null,
    error: null,
    sessionExpired: false,
    async load(ticketId) {
      const attempt = ++latest;
      set({ ticketId, status: 'loading', error: null, sessionExpired: false });
      try {
        const facts = await originFacts(rpc, origin);
        const ticket = await readTicket(rpc, facts.flavour, ticketId);
        const stages = ticket.team ? await readTeamStages(rpc, facts.flavour, ticket.team.id) : [];
        if (attempt === latest) set({ status: 'ready', ticket, stages, facts });
      } catch (error) {
        if (attempt === latest) {
          const sessionExpired = error instanceof OdooError && error.kind === 'session-expired';
          set({ status: 'error', error: describeOdooError(error), sessionExpired });
        }
      }
    },
    setTicket(ticket) {
      latest++; // a slower load started before the change must not overwrite it
      set({ ticketId: ticket.id, status: 'ready', ticket, error: null });
    },
    clear() {
      latest++;
      set({ ticketId: null, status: 'idle', ticket: null, stages: [], error: null });
    },
  }));
}

export type TicketStore = ReturnType<typeof createTicketStore>;
