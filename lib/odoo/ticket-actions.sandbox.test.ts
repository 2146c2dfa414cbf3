// @vitest-environment node
// Ticket actions against the Odoo stand-in over real HTTP: what Odoo records and emails, and the
// failures that must change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SANDBOX_COLLEAGUES, SANDBOX_STAGES, SANDBOX_TICKETS, fetchWithSession, startOdooSandbox, type HelpdeskFlavour, type OdooSandbox, type OdooVersion,
} from '../../tests/sandbox/odoo/server.ts';
import { readTeamStages, readTicket, type OdooStage, type Ticket } from './helpdesk';
import { createOdooRpc, OdooError } from './rpc';
import { activityIdFromRepr, askColleague, changeTicket, createOffer, readTodos, salesInstalled, type OdooContext } from './ticket-actions';

const CASES: Array<[HelpdeskFlavour, OdooVersion]> = [['enterprise', 17], ['oca', 16], ['enterprise', 19]];

describe.each(CASES)('ticket actions on the %s stand-in, Odoo %i', (flavour, version) => {
  let odoo: OdooSandbox;
  let ctx: OdooContext;
  let ticket: Ticket;
  let stages: OdooStage[];
  const stage = (id: number) => stages.find((s) => s.id === id) as OdooStage;
  const callKwCount = () => odoo.rpcLog().filter((e) => e.url.includes('/web/dataset/call_kw')).length;

  beforeEach(async () => {
    odoo = await startOdooSandbox({ flavour, version });
    ctx = { rpc: createOdooRpc({ origin: odoo.url, fetch: fetchWithSession(await odoo.login()) }), flavour, version };
    ticket = await readTicket(ctx.rpc, flavour, SANDBOX_TICKETS.newTicket);
    stages = await readTeamStages(ctx.rpc, flavour, 1);
  });
  afterEach(async () => {
    await odoo.close();
  });

  it('moves NEW → TRIAGE with stars and assignee in one write: one email, one audit note, at most 4 calls', async () => {
    const before = callKwCount();
    const emails = odoo.sentEmails().length;
    const outcome = await changeTicket(ctx, ticket, stages, {
      stage: stage(SANDBOX_STAGES.triage), priority: '2', assignee: { id: SANDBOX_COLLEAGUES.sofie.uid, name: 'Sofie Peeters' },
    });
    expect(callKwCount() - before).toBeLessThanOrEqual(4);
    expect(outcome).toMatchObject({ kind: 'changed', ticket: { stage: { name: 'TRIAGE' }, priority: '2', assignee: { name: 'Sofie Peeters' } } });
    const sent = odoo.sentEmails().slice(emails);
    expect(sent.map((m) => m.template)).toEqual(['Team member is addressing your support request']);
    expect(sent[0]?.to).toContain('an.claes@mail.example');
    const notes = odoo.messages(ticket.id).filter((m) => m.subtype === 'Note');
    expect(notes.at(-1)?.body).toContain('moved the ticket from NEW to TRIAGE; set the priority to 2 stars; assigned it to Sofie Peeters.');
  });

  it('stops without writing when a colleague moved the ticket meanwhile', async () => {
    odoo.moveTicketAsColleague(ticket.id, 'TRIAGE');
    const emails = odoo.sentEmails().length;
    const outcome = await changeTicket(ctx, ticket, stages, { stage: stage(SANDBOX_STAGES.canceled) });
    expect(outcome).toEqual({ kind: 'moved-meanwhile', stage: 'TRIAGE', team: 'Support', by: 'Sofie Peeters' });
    expect(odoo.sentEmails().length).toBe(emails);
    expect(odoo.ticket(ticket.id)?.['stage_id']).toBe(SANDBOX_STAGES.triage);
  });

  it('refuses a stage that is not one of the team\'s stages, before writing', async () => {
    const partnersTicket = await readTicket(ctx.rpc, flavour, SANDBOX_TICKETS.partnersTeamTicket);
    const partnerStages = await readTeamStages(ctx.rpc, flavour, 2);
    const outcome = await changeTicket(ctx, partnersTicket, partnerStages, { stage: stage(SANDBOX_STAGES.secondLine) });
    expect(outcome).toEqual({ kind: 'stage-not-in-team', stage: '2nd line', team: 'Partners' });
    expect(odoo.ticket(partnersTicket.id)?.['stage_id']).toBe(SANDBOX_STAGES.new);
  });

  it('says the ticket is gone when it was deleted meanwhile (read answers [])', async () => {
    odoo.deleteTicket(ticket.id);
    const error = await changeTicket(ctx, ticket, stages, { priority: '1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OdooError);
    expect((error as OdooError).kind).toBe('missing');
  });

  it('writes nothing when Odoo refuses the write', async () => {
    odoo.denyAccess('helpdesk.ticket', 'write');
    const error = await changeTicket(ctx, ticket, stages, { stage: stage(SANDBOX_STAGES.triage) }).catch((e: unknown) => e);
    expect((error as OdooError).kind).toBe('access');
    expect(odoo.ticket(ticket.id)?.['stage_id']).toBe(SANDBOX_STAGES.new);
    expect(odoo.messages(ticket.id).filter((m) => m.body.includes('Support Overlay:'))).toEqual([]);
  });

  it('creates a To-Do for a colleague, reads it back and logs it', async () => {
    const { todo } = await askColleague(ctx, ticket.id, { userId: SANDBOX_COLLEAGUES.jonas.uid, userName: 'Jonas Maes', summary: 'Check the logbook', note: 'Car <b>1234</b>\nsince Monday', deadline: '2030-01-31' });
    expect(todo).toMatchObject({ summary: 'Check the logbook', note: 'Car <b>1234</b>\nsince Monday', deadline: '2030-01-31', assignee: 'Jonas Maes' });
    expect(odoo.activities(ticket.id)).toEqual([expect.objectContaining({ summary: 'Check the logbook', userId: SANDBOX_COLLEAGUES.jonas.uid, activityType: 'To Do', dateDeadline: '2030-01-31' })]);
    expect((await readTodos(ctx, ticket.id)).map((t) => t.summary)).toEqual(['Check the logbook']);
    expect(odoo.messages(ticket.id).at(-1)?.body).toContain('asked Jonas Maes for help with a To-Do “Check the logbook”, due 2030-01-31.');
  });

  it('creates a draft offer for the customer with the ticket reference as origin, and logs it', async () => {
    expect(await salesInstalled(ctx.rpc)).toBe(true);
    const { offer } = await createOffer(ctx, ticket);
    expect(odoo.saleOrders()).toContainEqual(expect.objectContaining({ id: offer.id, partnerId: 23, state: 'draft', origin: flavour === 'oca' ? 'HT00042' : '#42' }));
    expect(odoo.messages(ticket.id).at(-1)?.body).toContain(`created the draft quotation ${offer.name}`);
  });
});

describe('without the Sales app', () => {
  it('says so instead of failing', async () => {
    const odoo = await startOdooSandbox({ salesInstalled: false });
    try {
      const rpc = createOdooRpc({ origin: odoo.url, fetch: fetchWithSession(await odoo.login()) });
      expect(await salesInstalled(rpc)).toBe(false);
    } finally {
      await odoo.close();
    }
  });
});

describe('activityIdFromRepr', () => {
  it('reads the id from the recordset repr call_kw answers', () => {
    expect(activityIdFromRepr('mail.activity(12,)')).toBe(12);
    expect(activityIdFromRepr(12)).toBe(12);
    expect(activityIdFromRepr([7])).toBe(7);
    expect(activityIdFromRepr('mail.activity()')).toBeNull();
  });
});
