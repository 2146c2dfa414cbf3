/**
 * The background's workflow intents: start, retry, the ticket's workflow, pending work. The journal
 * lives in `storage.local`; Odoo steps are relayed to a tab showing the ticket (`odoo.runStep`).
 */
import { senderOrigin, type BackgroundHandlers } from '../messaging';
import { settingsItem, workflowJournalItem, type Settings } from '../settings';
import { runInTicketTab } from './odoo-relay';
import { postWaitingNotes } from './waiting-notes';
import { connectGitLab } from '../gitlab/client';
import { GitLabError } from '../gitlab/errors';
import type { IssueDraft } from '../gitlab/draft-types';
import { ISSUE_KIND_PROJECT } from '../gitlab/draft-types';
import { gitlabHandlers } from '../gitlab/handlers';
import { decideGitLabRecord } from '../support-process/incident';
import { initialSteps, runWorkflow, type WorkflowDeps, type WorkflowJournal } from './incident-workflow';
import { SECOND_LINE_KINDS, isFinished, workflowId, type TicketWorkflow } from './types';

/** Finished workflows are kept this long (the ticket's notes keep the links for good). */
const KEEP_FINISHED_MS = 90 * 24 * 60 * 60 * 1000;

// Writes are read-modify-write of one stored object: serialised, so two workflows running at once
// (a ticket's incident and its 2nd line need) never overwrite each other's step.
let writing: Promise<unknown> = Promise.resolve();

const journal: WorkflowJournal = {
  async get(id) {
    await writing;
    return (await workflowJournalItem.getValue())[id];
  },
  put(workflow) {
    const write = writing.then(async () => {
      const all = { ...(await workflowJournalItem.getValue()), [workflow.id]: workflow };
      const cutoff = Date.now() - KEEP_FINISHED_MS;
      for (const [id, kept] of Object.entries(all)) {
        if (isFinished(kept) && Date.parse(kept.updatedAt) < cutoff) delete all[id];
      }
      await workflowJournalItem.setValue(all);
    });
    writing = write.catch(() => undefined);
    return write;
  },
};

function deps(settings: Settings, preferredTab?: number): WorkflowDeps {
  return {
    journal,
    gitlab: () => connectGitLab(settings),
    runOdooStep: (workflow, step) => runInTicketTab(workflow, step, preferredTab),
  };
}

/** The draft must target the configured project of its kind: a page cannot redirect issues elsewhere. */
function checkDraft(settings: Settings, draft: IssueDraft): IssueDraft {
  const project = settings.gitlab.projects[ISSUE_KIND_PROJECT[draft.kind]];
  if (!project || draft.project !== project) {
    throw new GitLabError('not-configured', 'The GitLab project for this issue is not the one in the settings: reload the ticket and try again.');
  }
  if (!draft.title.trim()) throw new GitLabError('invalid', 'Give the issue a title.');
  return { ...draft, title: draft.title.trim(), labels: draft.labels.map((l) => l.trim()).filter(Boolean) };
}

async function retry(id: string, settings: Settings, draft: IssueDraft | undefined, tab: number | undefined): Promise<TicketWorkflow> {
  const workflow = await journal.get(id);
  if (!workflow) throw new Error('There is no workflow to retry for this ticket.');
  if (draft && !workflow.issue) await journal.put({ ...workflow, draft: checkDraft(settings, { ...draft, kind: workflow.draft.kind }) });
  return runWorkflow(id, deps(settings, tab));
}

export const workflowHandlers: Pick<
  BackgroundHandlers,
  'workflows.start' | 'workflows.retry' | 'workflows.forTicket' | 'workflows.pending'
> = {
  'workflows.start': async ({ ticket, cause, draft, knownBug }, { sender }) => {
    const settings = await settingsItem.getValue();
    const origin = senderOrigin(sender);
    const secondLine = cause === undefined;
    if (secondLine && !(SECOND_LINE_KINDS as readonly string[]).includes(draft.kind)) throw new Error('An incident starts from the incident question.');
    const id = workflowId(origin, ticket.id, secondLine ? draft.kind : undefined);
    const existing = await journal.get(id);
    // One workflow per ticket (and 2nd line kind): a double click or a second start resumes the first, never a second issue.
    if (existing) return runWorkflow(id, deps(settings, sender.tab?.id));
    const record = cause === undefined ? null : decideGitLabRecord(cause);
    if (record && record.kind !== draft.kind) throw new Error('The draft does not match the answer to the question: start again from the wizard.');
    if (record?.kind === 'incident' && record.linkToKnownBug && !knownBug) throw new Error('Pick the known bug to link the incident to.');
    const checked = checkDraft(settings, draft);
    const now = new Date().toISOString();
    const base = {
      id,
      origin,
      ticketId: ticket.id,
      ticketRef: ticket.ref,
      ticketName: ticket.name,
      ticketUrl: ticket.url,
      ...(cause ? { cause } : {}),
      draft: checked,
      ...(record?.kind === 'incident' && record.linkToKnownBug && knownBug ? { knownBug } : {}),
    };
    const workflow: TicketWorkflow = { ...base, steps: initialSteps(base), createAttempts: 0, startedAt: now, updatedAt: now };
    await journal.put(workflow);
    return runWorkflow(id, deps(settings, sender.tab?.id));
  },

  'workflows.retry': async ({ ticketId, kind, draft }, { sender, audience }) => {
    const settings = await settingsItem.getValue();
    if (audience === 'extension') {
      // The popup retries by ticket across origins: the first unfinished one of that ticket id.
      const match = Object.values(await workflowJournalItem.getValue()).find((w) => w.ticketId === ticketId && !isFinished(w));
      if (!match) throw new Error('There is no unfinished workflow for this ticket.');
      return retry(match.id, settings, undefined, undefined);
    }
    return retry(workflowId(senderOrigin(sender), ticketId, kind), settings, draft, sender.tab?.id);
  },

  'workflows.forTicket': async ({ ticketId, kind }, { sender }) => {
    const settings = await settingsItem.getValue();
    const origin = senderOrigin(sender);
    // The ticket is open again: post the notes that waited for it (repair audit), and run the Odoo steps
    // that waited for its tab in each of its workflows. A failing note stays queued with its sentence.
    await postWaitingNotes(origin, ticketId, sender.tab?.id).catch(() => undefined);
    const ofTicket = Object.values(await workflowJournalItem.getValue()).filter((w) => w.origin === origin && w.ticketId === ticketId);
    const waiting = ofTicket.filter((w) => w.steps.some((step) => step.status === 'waiting'));
    const resumed = await Promise.all(waiting.map((w) => runWorkflow(w.id, deps(settings, sender.tab?.id))));
    const id = workflowId(origin, ticketId, kind);
    return resumed.find((w) => w.id === id) ?? ofTicket.find((w) => w.id === id) ?? null;
  },

  'workflows.pending': async () =>
    Object.values(await workflowJournalItem.getValue())
      .filter((workflow) => !isFinished(workflow))
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
};

/** Everything "from ticket to GitLab" the background answers (one spread in entrypoints/background). */
export const ticketToGitLabHandlers = { ...gitlabHandlers, ...workflowHandlers };
