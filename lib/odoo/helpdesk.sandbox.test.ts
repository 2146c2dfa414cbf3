// @vitest-environment node
// The helpdesk adapter against the Odoo stand-in (tests/sandbox/odoo), over real HTTP with a
// session cookie, for both flavours and the versions whose behaviour differs (16 vs 17+ notes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SANDBOX_STAGES,
  SANDBOX_TEAMS,
  SANDBOX_TEMPLATES,
  SANDBOX_TICKETS,
  fetchWithSession,
  startOdooSandbox,
  type HelpdeskFlavour,
  type OdooSandbox,
  type OdooVersion,
} from '../../tests/sandbox/odoo/server.ts';
import { detectFlavour, postNote, readStageTemplate, readTeamMembers, readTeamStages, readTicket, writeStage } from './helpdesk';
import { createOdooRpc, OdooError, type OdooRpc } from './rpc';

async function failure(promise: Promise<unknown>): Promise<OdooError> {
  const error: unknown = await promise.then(() => new Error('expected a failure'), (e: unknown) => e);
  if (!(error instanceof OdooError)) throw error;
  return error;
}

const CASES: Array<[HelpdeskFlavour, OdooVersion]> = [
  ['oca', 16],
  ['oca', 18],
  ['enterprise', 17],
  ['enterprise', 19],
];

describe.each(CASES)('helpdesk adapter on the %s stand-in, Odoo %i', (flavour, version) => {
  let odoo: OdooSandbox;
  let rpc: OdooRpc;

  beforeAll(async () => {
    odoo = await startOdooSandbox({ flavour, version });
    rpc = createOdooRpc({ origin: odoo.url, fetch: fetchWithSession(await odoo.login()) });
  });
  afterAll(async () => {
    await odoo.close();
  });

  it('knows the version and the flavour', async () => {
    expect((await rpc.sessionInfo()).serverVersion).toBe(version);
    expect(await detectFlavour(rpc)).toBe(flavour);
  });

  it('reads a ticket', async () => {
    const ticket = await readTicket(rpc, flavour, SANDBOX_TICKETS.newTicket);
    expect(ticket).toMatchObject({
      id: 42,
      name: 'Could not determine the start status of this reservation',
      ref: flavour === 'oca' ? 'HT00042' : '42',
      stage: { id: SANDBOX_STAGES.new, name: 'NEW' },
      team: { id: SANDBOX_TEAMS.support, name: 'Support' },
      assignee: null,
      customer: { id: 23, name: expect.stringContaining('An Claes') },
      customerEmail: 'an.claes@mail.example',
    });
    expect(ticket.descriptionHtml).toContain('Could not determine the start status');
    expect(ticket.createdAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it("reads only the team's stages, in order, with their templates", async () => {
    const support = await readTeamStages(rpc, flavour, SANDBOX_TEAMS.support);
    expect(support.map((s) => s.name)).toEqual(['NEW', 'TRIAGE', '1st line', '1st line: incident', '2nd line', '3rd line', 'DONE', 'CANCELED']);
    expect(support.find((s) => s.id === SANDBOX_STAGES.done)).toMatchObject({ template: { id: SANDBOX_TEMPLATES.closingTicket, name: 'closing ticket' }, closed: true });
    expect(support.find((s) => s.id === SANDBOX_STAGES.canceled)).toMatchObject({ template: null, closed: true });
    expect(support.find((s) => s.id === SANDBOX_STAGES.triage)?.closed).toBe(false);

    const partners = await readTeamStages(rpc, flavour, SANDBOX_TEAMS.partners);
    expect(partners.map((s) => s.id)).not.toContain(SANDBOX_STAGES.secondLine);
    expect(partners.map((s) => s.id)).toContain(SANDBOX_STAGES.partnersDone);
  });

  it("reads a stage's email template", async () => {
    const template = await readStageTemplate(rpc, SANDBOX_TEMPLATES.teamMemberAddressing);
    expect(template.subject).toContain('a team member is on it');
    expect(template.bodyHtml).toContain('is now addressing your request');
  });

  it("moves the ticket; Odoo sends the stage's email", async () => {
    const before = odoo.sentEmails().length;
    await writeStage(rpc, SANDBOX_TICKETS.anotherNewTicket, SANDBOX_STAGES.triage);
    expect(odoo.ticket(SANDBOX_TICKETS.anotherNewTicket)?.['stage_id']).toBe(SANDBOX_STAGES.triage);
    const sent = odoo.sentEmails().slice(before);
    expect(sent.map((mail) => [mail.ticketId, mail.template])).toEqual([[SANDBOX_TICKETS.anotherNewTicket, 'Team member is addressing your support request']]);
  });

  it('logs a note that shows the text as typed, link included', async () => {
    const text = 'Bug filed: https://gitlab.example.com/tmf/app/-/issues/12\n<b>not bold</b> & done';
    const id = await postNote(rpc, SANDBOX_TICKETS.newTicket, text, (await rpc.sessionInfo()).serverVersion);
    const note = odoo.messages(SANDBOX_TICKETS.newTicket).find((m) => m.id === id);
    expect(note?.subtype).toBe('Note');
    expect(note?.body).toContain('&lt;b&gt;not bold&lt;/b&gt; &amp; done');
    expect(note?.body).not.toContain('<b>');
    expect(note?.body).toContain('https://gitlab.example.com/tmf/app/-/issues/12');
    if (version === 16) expect(note?.body).toContain('<a href="https://gitlab.example.com/tmf/app/-/issues/12"');
  });

  it("reads the team's members", async () => {
    const members = await readTeamMembers(rpc, flavour, SANDBOX_TEAMS.support);
    expect(members.map((m) => m.id).sort()).toEqual([2, 6, 7, 8]);
    expect(members.map((m) => m.name)).toContain('Sofie Peeters');
  });

  it('classifies what goes wrong: access, missing ticket, expired session', async () => {
    odoo.denyAccess('helpdesk.ticket', 'write');
    expect((await failure(writeStage(rpc, SANDBOX_TICKETS.firstLineTicket, SANDBOX_STAGES.secondLine))).kind).toBe('access');
    odoo.allowAccess('helpdesk.ticket', 'write');

    odoo.deleteTicket(SANDBOX_TICKETS.doneTicket);
    expect((await failure(readTicket(rpc, flavour, SANDBOX_TICKETS.doneTicket))).kind).toBe('missing');

    odoo.expireSessions();
    expect((await failure(readTicket(rpc, flavour, SANDBOX_TICKETS.newTicket))).kind).toBe('session-expired');
  });
});
