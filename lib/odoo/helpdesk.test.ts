import { describe, expect, it } from 'vitest';
import {
  detectFlavour,
  helpdeskNames,
  plainTextToHtml,
  postNote,
  readStageTemplate,
  readTeamMembers,
  readTeamStages,
  readTicket,
  writeStage,
} from './helpdesk';
import { loadSample, sampleFetch, type Sample } from './odoo16-samples.testkit';
import { createOdooRpc, OdooError, type OdooRpc, type OdooSessionInfo } from './rpc';

interface Call {
  model: string;
  method: string;
  args: unknown[];
  kwargs: Record<string, unknown> | undefined;
}

/** An OdooRpc answering each call with the next result, shaped like the real samples. */
function fakeRpc(...results: unknown[]): { rpc: OdooRpc; calls: Call[] } {
  const calls: Call[] = [];
  const rpc: OdooRpc = {
    async callKw<T>(model: string, method: string, args: unknown[], kwargs?: Record<string, unknown>): Promise<T> {
      calls.push({ model, method, args, kwargs });
      if (results.length === 0) throw new Error(`unexpected call ${model}.${method}`);
      return results.shift() as T;
    },
    sessionInfo: () => Promise.reject(new Error('not used')) as Promise<OdooSessionInfo>,
  };
  return { rpc, calls };
}

function resultOf(sample: Sample): unknown {
  return (sample.response.body as { result: unknown }).result;
}

describe('helpdeskNames', () => {
  it('names the Enterprise and OCA models and fields', () => {
    expect(helpdeskNames('enterprise')).toEqual({
      stageModel: 'helpdesk.stage',
      teamModel: 'helpdesk.team',
      templateField: 'template_id',
      refField: 'ticket_ref',
      teamMembersField: 'member_ids',
      closedField: 'fold',
    });
    expect(helpdeskNames('oca')).toEqual({
      stageModel: 'helpdesk.ticket.stage',
      teamModel: 'helpdesk.ticket.team',
      templateField: 'mail_template_id',
      refField: 'number',
      teamMembersField: 'user_ids',
      closedField: 'closed',
    });
  });
});

describe('detectFlavour', () => {
  it('recognises OCA from the real fields_get answer (stage_id → helpdesk.ticket.stage), in one call', async () => {
    const fields = resultOf(loadSample('helpdesk-ticket-fields_get.json')) as Record<string, unknown>;
    const { rpc, calls } = fakeRpc({ stage_id: fields.stage_id });
    expect(await detectFlavour(rpc)).toBe('oca');
    expect(calls).toEqual([{ model: 'helpdesk.ticket', method: 'fields_get', args: [['stage_id']], kwargs: { attributes: ['relation'] } }]);
  });

  it('recognises Enterprise (stage_id → helpdesk.stage)', async () => {
    const { rpc } = fakeRpc({ stage_id: { relation: 'helpdesk.stage', type: 'many2one' } });
    expect(await detectFlavour(rpc)).toBe('enterprise');
  });

  it('refuses a helpdesk it does not know', async () => {
    const { rpc } = fakeRpc({ stage_id: { relation: 'x.custom.stage' } });
    const error = await detectFlavour(rpc).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OdooError);
    expect((error as OdooError).kind).toBe('not-installed');
  });

  it('reports a missing helpdesk module as not installed (real bad-model answer)', async () => {
    const session = loadSample('session-get_session_info.json');
    const badModel = loadSample('err-bad-model.json');
    const body = badModel.response.body as { error: { data: { message: string; arguments: string[] } } };
    body.error.data.message = 'helpdesk.ticket';
    body.error.data.arguments = ['helpdesk.ticket'];
    const rpc = createOdooRpc({ origin: 'http://odoo.test', fetch: sampleFetch(session, badModel).fetch });
    const error = await detectFlavour(rpc).catch((e: unknown) => e);
    expect((error as OdooError).kind).toBe('not-installed');
  });
});

describe('readTicket', () => {
  it('maps the real OCA read answer, in one read', async () => {
    const [row] = resultOf(loadSample('helpdesk-ticket-read.json')) as Array<Record<string, unknown>>;
    const { rpc, calls } = fakeRpc([{ ...row, partner_email: 'gemini@example.com' }]);
    expect(await readTicket(rpc, 'oca', 1)).toEqual({
      id: 1,
      name: 'Problem with the delivery of goods',
      ref: 'HT00001',
      descriptionHtml: '<p>Problem with the delivery of goods</p>',
      stage: { id: 1, name: 'New' },
      team: { id: 2, name: 'Helpdesk' },
      priority: '1',
      assignee: { id: 1, name: 'OdooBot' },
      customer: { id: 11, name: 'Gemini Furniture' },
      customerEmail: 'gemini@example.com',
      createdAt: '2026-11-27 15:27:49',
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.model).toBe('helpdesk.ticket');
    expect(calls[0]?.method).toBe('read');
    expect(calls[0]?.args[0]).toEqual([1]);
    expect(calls[0]?.args[1]).toEqual(expect.arrayContaining(['name', 'description', 'stage_id', 'team_id', 'priority', 'user_id', 'partner_id', 'partner_email', 'create_date', 'number']));
  });

  it('reads ticket_ref on Enterprise and turns Odoo false values into null', async () => {
    const { rpc, calls } = fakeRpc([
      {
        id: 42,
        name: 'Car does not open',
        description: false,
        stage_id: false,
        team_id: [3, 'Support'],
        priority: '3',
        user_id: false,
        partner_id: false,
        partner_email: false,
        create_date: '2026-11-27 08:00:00',
        ticket_ref: '42',
      },
    ]);
    const ticket = await readTicket(rpc, 'enterprise', 42);
    expect(calls[0]?.args[1]).toContain('ticket_ref');
    expect(calls[0]?.args[1]).not.toContain('number');
    expect(ticket).toMatchObject({ ref: '42', descriptionHtml: '', stage: null, assignee: null, customer: null, customerEmail: null, priority: '3' });
  });

  it('says the ticket is missing when Odoo returns no row', async () => {
    const { rpc } = fakeRpc([]);
    const error = (await readTicket(rpc, 'oca', 99).catch((e: unknown) => e)) as OdooError;
    expect(error.kind).toBe('missing');
  });
});

describe('readTeamStages', () => {
  it('maps the real OCA stages (template, closed) in one search_read, shared stages included', async () => {
    const { rpc, calls } = fakeRpc(resultOf(loadSample('helpdesk-stage-search_read.json')));
    const stages = await readTeamStages(rpc, 'oca', 2);
    expect(calls).toEqual([
      {
        model: 'helpdesk.ticket.stage',
        method: 'search_read',
        args: [],
        kwargs: {
          domain: ['|', ['team_ids', '=', 2], ['team_ids', '=', false]],
          fields: ['name', 'sequence', 'mail_template_id', 'closed'],
          order: 'sequence, id',
        },
      },
    ]);
    expect(stages.map((s) => s.name)).toEqual(['New', 'In Progress', 'Awaiting', 'Done', 'Cancelled', 'Rejected']);
    expect(stages[0]).toEqual({ id: 1, name: 'New', sequence: 1, template: null, closed: false });
    expect(stages[3]).toEqual({ id: 4, name: 'Done', sequence: 4, template: { id: 9, name: 'Helpdesk Closed Ticket Notification Email' }, closed: true });
  });

  it('asks Enterprise for the team’s stages with template_id and fold', async () => {
    const { rpc, calls } = fakeRpc([
      { id: 11, name: 'Solved', sequence: 3, template_id: [20, 'closing ticket'], fold: true },
      { id: 10, name: 'New', sequence: 0, template_id: false, fold: false },
    ]);
    const stages = await readTeamStages(rpc, 'enterprise', 3);
    expect(calls[0]).toEqual({
      model: 'helpdesk.stage',
      method: 'search_read',
      args: [],
      kwargs: { domain: [['team_ids', '=', 3]], fields: ['name', 'sequence', 'template_id', 'fold'], order: 'sequence, id' },
    });
    expect(stages[0]).toEqual({ id: 11, name: 'Solved', sequence: 3, template: { id: 20, name: 'closing ticket' }, closed: true });
    expect(stages[1]?.template).toBeNull();
  });
});

describe('readStageTemplate', () => {
  it('reads subject and body of the mail template', async () => {
    const { rpc, calls } = fakeRpc([{ id: 9, subject: '{{ object.name }} closed', body_html: '<p>Bye</p>' }]);
    expect(await readStageTemplate(rpc, 9)).toEqual({ subject: '{{ object.name }} closed', bodyHtml: '<p>Bye</p>' });
    expect(calls).toEqual([{ model: 'mail.template', method: 'read', args: [[9], ['subject', 'body_html']], kwargs: undefined }]);
  });

  it('treats an empty subject as empty text and a deleted template as missing', async () => {
    expect(await readStageTemplate(fakeRpc([{ id: 9, subject: false, body_html: false }]).rpc, 9)).toEqual({ subject: '', bodyHtml: '' });
    const error = (await readStageTemplate(fakeRpc([]).rpc, 9).catch((e: unknown) => e)) as OdooError;
    expect(error.kind).toBe('missing');
    expect(error.message).toContain('mail.template');
  });
});

describe('writes, against the real Odoo 16 requests', () => {
  const session = loadSample('session-get_session_info.json');
  const context = { lang: 'en_US', tz: 'Europe/Brussels', uid: 2, allowed_company_ids: [1] };

  it('writeStage sends the real write of stage_id', async () => {
    const write = loadSample('helpdesk-ticket-write-stage.json');
    const { fetch, requests } = sampleFetch(session, write);
    await writeStage(createOdooRpc({ origin: 'http://odoo.test', fetch }), 1, 2);
    const sent = write.request.body.params as { kwargs: Record<string, unknown> };
    expect(requests[1]?.url).toBe(`http://odoo.test${write.request.url}`);
    expect(requests[1]?.body.params).toEqual({ ...sent, kwargs: { ...sent.kwargs, context } });
  });

  it('postNote on 16 escapes the text into a <p> and returns the message id', async () => {
    const post = loadSample('helpdesk-ticket-message_post-note.json');
    const { fetch, requests } = sampleFetch(session, post);
    const id = await postNote(createOdooRpc({ origin: 'http://odoo.test', fetch }), 1, 'Internal log note from spike <b>bold</b>', 16);
    expect(id).toBe(30);
    expect(requests[1]?.url).toBe(`http://odoo.test${post.request.url}`);
    expect(requests[1]?.body.params).toEqual({
      model: 'helpdesk.ticket',
      method: 'message_post',
      args: [[1]],
      kwargs: {
        body: '<p>Internal log note from spike &lt;b&gt;bold&lt;/b&gt;</p>',
        message_type: 'comment',
        subtype_xmlid: 'mail.mt_note',
        context,
      },
    });
  });

  it.each([17, 18, 19])('postNote on %i sends the plain text (Odoo escapes it)', async (version) => {
    const { rpc, calls } = fakeRpc(31);
    expect(await postNote(rpc, 5, 'Issue: https://gitlab.example.com/x/-/issues/1\n<ok>', version)).toBe(31);
    expect(calls[0]?.kwargs).toEqual({ body: 'Issue: https://gitlab.example.com/x/-/issues/1\n<ok>', message_type: 'comment', subtype_xmlid: 'mail.mt_note' });
  });

  it('postNote accepts a list of ids and refuses an answer without one', async () => {
    expect(await postNote(fakeRpc([44]).rpc, 5, 'x', 19)).toBe(44);
    const error = (await postNote(fakeRpc(true).rpc, 5, 'x', 19).catch((e: unknown) => e)) as OdooError;
    expect(error.kind).toBe('server');
  });
});

describe('plainTextToHtml (Odoo 16 note body)', () => {
  it('escapes, keeps line breaks and makes links clickable', () => {
    expect(plainTextToHtml('Bug filed: https://gitlab.example.com/g/p/-/issues/12?a=1&b=2.\nThanks <team> & "co"')).toBe(
      '<p>Bug filed: <a href="https://gitlab.example.com/g/p/-/issues/12?a=1&amp;b=2" target="_blank" rel="noreferrer noopener">https://gitlab.example.com/g/p/-/issues/12?a=1&amp;b=2</a>.<br>Thanks &lt;team&gt; &amp; &quot;co&quot;</p>',
    );
  });

  it('does not let a crafted URL break out of the link', () => {
    const html = plainTextToHtml('see https://x.test/"onmouseover="alert(1)');
    expect(html).not.toContain('"onmouseover');
    expect(html).toContain('&quot;onmouseover=&quot;alert(1)');
  });
});

describe('readTeamMembers', () => {
  it('reads the OCA team user_ids, then their names', async () => {
    const { rpc, calls } = fakeRpc([{ id: 2, user_ids: [6, 2] }], [
      { id: 2, name: 'Mitchell Admin' },
      { id: 6, name: 'Marc Demo' },
    ]);
    expect(await readTeamMembers(rpc, 'oca', 2)).toEqual([
      { id: 2, name: 'Mitchell Admin' },
      { id: 6, name: 'Marc Demo' },
    ]);
    expect(calls).toEqual([
      { model: 'helpdesk.ticket.team', method: 'read', args: [[2], ['user_ids']], kwargs: undefined },
      { model: 'res.users', method: 'search_read', args: [], kwargs: { domain: [['id', 'in', [6, 2]]], fields: ['name'], order: 'name, id' } },
    ]);
  });

  it('reads Enterprise member_ids and skips the second call for a team without members', async () => {
    const { rpc, calls } = fakeRpc([{ id: 3, member_ids: [] }]);
    expect(await readTeamMembers(rpc, 'enterprise', 3)).toEqual([]);
    expect(calls).toEqual([{ model: 'helpdesk.team', method: 'read', args: [[3], ['member_ids']], kwargs: undefined }]);
  });
});
