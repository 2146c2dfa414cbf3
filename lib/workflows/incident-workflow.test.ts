// @vitest-environment node
// The workflow against the GitLab stand-in (real HTTP, gitbeaker, GraphQL); Odoo steps through a fake tab.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startGitLabSandbox, type GitLabSandbox } from '../../tests/sandbox/gitlab/server';
import { DEFAULT_SETTINGS, gitlabTokenItem, type Settings } from '../settings';
import { connectGitLab } from '../gitlab/client';
import { draftIssue, type TicketFacts } from '../gitlab/draft';
import { initialSteps, runWorkflow, type WorkflowDeps } from './incident-workflow';
import type { OdooStep, TicketWorkflow } from './types';

const ticket: TicketFacts = {
  id: 42, ref: '42', name: 'Could not determine the start status of this reservation', descriptionHtml: '<p>Error when ending.</p>',
  url: 'http://odoo.test/odoo/helpdesk/42', customer: 'An Claes', customerEmail: 'an@example.com', priority: '2', team: 'Support',
};

describe('ticket → GitLab workflow', () => {
  let gitlab: GitLabSandbox;
  let settings: Settings;
  let stored: Record<string, TicketWorkflow>;
  let odooSteps: OdooStep[];
  let tabOpen: boolean;
  let deps: WorkflowDeps;

  beforeEach(async () => {
    fakeBrowser.reset();
    gitlab = await startGitLabSandbox();
    settings = { ...DEFAULT_SETTINGS, gitlab: { host: gitlab.url, projects: { bugs: 'tmf/bugs', incidents: 'tmf/incidents', integration: 'tmf/integration' } } };
    await gitlabTokenItem.setValue(gitlab.tokens.valid);
    stored = {};
    odooSteps = [];
    tabOpen = true;
    deps = {
      journal: { get: async (id) => stored[id], put: async (w) => void (stored[w.id] = structuredClone(w)) },
      gitlab: () => connectGitLab(settings),
      runOdooStep: async (_w, step) => {
        if (!tabOpen) return null;
        odooSteps.push(step);
        return step.kind === 'note' ? 'Note posted' : 'Moved to 1st line: incident';
      },
    };
  });
  afterEach(() => gitlab.close());

  const start = (kind: 'incident' | 'bug-report', options: { severity?: 'high' | 'critical'; knownBug?: boolean } = {}) => {
    const draft = draftIssue(kind, ticket, settings, options.severity);
    const base = {
      id: 'w1', origin: 'http://odoo.test', ticketId: 42, ticketRef: '42', ticketName: ticket.name, ticketUrl: ticket.url,
      cause: kind === 'bug-report' ? ('new-bug' as const) : options.knownBug ? ('known-bug' as const) : ('unclear' as const), draft,
      ...(options.knownBug ? { knownBug: { projectPath: 'tmf/bugs', iid: 1, title: 'bug', webUrl: `${gitlab.url}/tmf/bugs/-/issues/1` } } : {}),
    };
    stored.w1 = { ...base, steps: initialSteps(base), createAttempts: 0, startedAt: '', updatedAt: '' };
    return runWorkflow('w1', deps);
  };
  const statuses = (w: TicketWorkflow) => Object.fromEntries(w.steps.map((s) => [s.id, s.status]));

  it('an incident with severity accepted on create, linked to the known bug, then the note and the stage move', async () => {
    const done = await start('incident', { severity: 'high', knownBug: true });
    expect(statuses(done)).toEqual({ create: 'done', severity: 'done', link: 'done', note: 'done', stage: 'done' });
    expect(gitlab.issues('tmf/incidents')).toMatchObject([{ iid: 1, issueType: 'incident', severity: 'HIGH', confidential: true }]);
    expect(gitlab.links()).toMatchObject([{ source: { projectId: 102, iid: 1 }, target: { projectId: 101, iid: 1 }, linkType: 'relates_to' }]);
    expect(gitlab.requests().some((r) => r.path === '/api/graphql' && r.method === 'POST')).toBe(false);
    expect(odooSteps[0]).toMatchObject({ kind: 'note', text: expect.stringContaining(`GitLab issue: ${gitlab.url}/tmf/incidents/-/issues/1`) });
    expect(odooSteps[1]).toMatchObject({ kind: 'stage', processStage: 'first-line-incident' });
  });

  it('older GitLab ignores severity on create: set with GraphQL, read back', async () => {
    gitlab.setIgnoresSeverityOnCreate(true);
    const done = await start('incident', { severity: 'critical' });
    expect(done.steps.find((s) => s.id === 'severity')?.result).toMatch(/Critical – S1 \(set with GraphQL/);
    expect(gitlab.issues('tmf/incidents')[0]?.severity).toBe('CRITICAL');
    expect(done.issue?.severity).toBe('critical');
  });

  it('a new bug: a bug report in the bugs project only, no severity, no link', async () => {
    const done = await start('bug-report');
    expect(statuses(done)).toEqual({ create: 'done', severity: 'skipped', link: 'skipped', note: 'done', stage: 'done' });
    expect(gitlab.issues('tmf/bugs')).toHaveLength(5);
    expect(gitlab.issues('tmf/incidents')).toHaveLength(0);
  });

  it('a failure mid-way stops there; the retry resumes and creates nothing twice', async () => {
    gitlab.failNext({ status: 500, path: '/links' });
    const failed = await start('incident', { severity: 'high', knownBug: true });
    expect(statuses(failed)).toEqual({ create: 'done', severity: 'done', link: 'failed', note: 'pending', stage: 'pending' });
    expect(failed.steps[2]?.error).toMatch(/error 500/);
    expect(odooSteps).toEqual([]);
    const done = await runWorkflow('w1', deps);
    expect(statuses(done).stage).toBe('done');
    expect(gitlab.issues('tmf/incidents')).toHaveLength(1);
    expect(gitlab.links()).toHaveLength(1);
  });

  it('a lost answer to create: the retry finds the issue made from the ticket instead of creating another', async () => {
    gitlab.failNext({ status: 'network', path: '/issues', method: 'POST' });
    const failed = await start('incident');
    expect(failed.steps[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/could not be reached/) });
    // The stand-in dropped the connection before creating; simulate GitLab having created it anyway.
    gitlab.addIssue('tmf/incidents', { title: failed.draft.title, description: failed.draft.description, issueType: 'incident' });
    const done = await runWorkflow('w1', deps);
    expect(done.issue?.iid).toBe(1);
    expect(gitlab.issues('tmf/incidents')).toHaveLength(1);
  });

  it('429: says how long to wait and makes no GitLab call before then', async () => {
    gitlab.failNext({ status: 429, retryAfter: 30, method: 'POST' });
    const failed = await start('incident');
    expect(failed.steps[0]?.error).toMatch(/wait 30 seconds/);
    const before = gitlab.requests().length;
    const again = await runWorkflow('w1', deps);
    expect(again.steps[0]?.error).toMatch(/wait (29|30) seconds/);
    expect(gitlab.requests().length).toBe(before);
  });

  it('Odoo steps wait without a ticket tab and run when the ticket opens', async () => {
    tabOpen = false;
    const waiting = await start('incident');
    expect(statuses(waiting)).toMatchObject({ create: 'done', note: 'waiting', stage: 'pending' });
    tabOpen = true;
    const done = await runWorkflow('w1', deps);
    expect(statuses(done)).toMatchObject({ note: 'done', stage: 'done' });
    expect(gitlab.issues('tmf/incidents')).toHaveLength(1);
  });

  it('a double click joins the same run', async () => {
    const draft = draftIssue('incident', ticket, settings);
    const base = { id: 'w1', origin: 'o', ticketId: 42, ticketRef: null, ticketName: 'x', ticketUrl: ticket.url, cause: 'unclear' as const, draft };
    stored.w1 = { ...base, steps: initialSteps(base), createAttempts: 0, startedAt: '', updatedAt: '' };
    await Promise.all([runWorkflow('w1', deps), runWorkflow('w1', deps)]);
    expect(gitlab.issues('tmf/incidents')).toHaveLength(1);
  });

  it('each GitLab refusal becomes its sentence and creates nothing', async () => {
    for (const [status, sentence] of [
      [401, /refused your token/],
      [403, /lacks the api scope/],
      [404, /“tmf\/incidents” was not found, or you have no access/],
      [400, /did not accept the issue: title is too long/],
      [503, /error 503/],
    ] as const) {
      gitlab.failNext({ status, method: 'POST' });
      delete stored.w1;
      const failed = await start('incident');
      expect(failed.steps[0]?.error, String(status)).toMatch(sentence);
    }
    expect(gitlab.issues('tmf/incidents')).toHaveLength(0);
  });
});

describe('2nd line issues', () => {
  it('create and note only: no severity, no link, no stage move', () => {
    const draft = { kind: 'need' as const, project: 'tmf/integration', title: 't', description: 'd', labels: [], confidential: true };
    expect(initialSteps({ draft }).map((s) => `${s.id}:${s.status}`)).toEqual(['create:pending', 'severity:skipped', 'link:skipped', 'note:pending', 'stage:skipped']);
    expect(initialSteps({ draft: { ...draft, kind: 'incident' }, cause: 'unclear' }).find((s) => s.id === 'stage')?.status).toBe('pending');
  });
});
