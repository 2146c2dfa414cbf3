/**
 * The GitLab incident for the cause behind a start-status repair, opened from the Control Center dialog
 * (background only): create (confidential, in the configured incidents project) → severity → note with the
 * link on the linked ticket. The repair record is its journal: once GitLab said "created" the incident is
 * recorded, so a second click or a retry never creates another; a create whose answer was lost is looked
 * for (by the repair's marker line) before creating again.
 */
import type { BackgroundHandlers } from '../messaging';
import { settingsItem, type Settings } from '../settings';
import { connectGitLab } from '../gitlab/client';
import { GitLabError } from '../gitlab/errors';
import { DEFAULT_ISSUE_LABELS, type IssueDraft } from '../gitlab/draft-types';
import { createIssue, findIssueByMarker, setSeverity } from '../gitlab/issues';
import { issueNoteText } from '../gitlab/issue-note';
import { repairIncidentDescription, repairIncidentMarker, repairIncidentTitle, withRepairMarker } from '../gitlab/repair-incident';
import { SEVERITIES, severityLabel, type Severity } from '../support-process/severity';
import { lastRepairOf, updateRepair } from '../firebase/repair-journal';
import { linkedTicketOf } from '../firebase/repair-ticket';
import type { RepairRecord, RepairIncidentAnswer } from '../firebase/repair-types';
import { postOnTicket } from './waiting-notes';

async function liveRepair(reservationId: string): Promise<RepairRecord> {
  const record = await lastRepairOf(reservationId);
  if (!record) throw new Error(`No repair of reservation ${reservationId} was made in this browser, so the incident cannot be prefilled here. Open it from the browser where the repair was done, or create it directly in GitLab.`);
  return record;
}

function incidentsProject(settings: Settings): string {
  const project = settings.gitlab.projects.incidents;
  if (!project) throw new GitLabError('not-configured', 'Add the GitLab incidents project in the settings first.');
  return project;
}

async function create(settings: Settings, reservationId: string, asked: { title: string; description: string; severity: Severity }): Promise<RepairIncidentAnswer> {
  let record = await liveRepair(reservationId);
  if (record.incident) return { incident: record.incident, sentence: `Incident ${record.incident.projectPath}#${record.incident.iid} was already created for this repair.` };
  if (!SEVERITIES.some((option) => option.value === asked.severity)) throw new GitLabError('invalid', 'Choose the incident’s severity.');
  const title = asked.title.trim();
  if (!title) throw new GitLabError('invalid', 'Give the incident a title.');
  // The project, the type and confidentiality are decided here, not by the page.
  const draft: IssueDraft = {
    kind: 'incident',
    project: incidentsProject(settings),
    title,
    description: withRepairMarker(asked.description, record),
    labels: [...(settings.gitlab.labels?.incident ?? DEFAULT_ISSUE_LABELS.incident)],
    confidential: true,
    severity: asked.severity,
  };
  const gitlab = await connectGitLab(settings);
  const marker = repairIncidentMarker(record);
  const earlier = (record.incidentAttempts ?? 0) > 0 ? await findIssueByMarker(gitlab, draft, marker, marker) : null;
  record = await updateRepair(reservationId, (kept) => ({ ...kept, incidentAttempts: (kept.incidentAttempts ?? 0) + 1 }));
  const issue = earlier ?? (await createIssue(gitlab, draft));
  const incident = { projectPath: issue.projectPath, iid: issue.iid, title: issue.title, webUrl: issue.webUrl };
  record = await updateRepair(reservationId, (kept) => ({ ...kept, incident }));

  let problem: string | undefined;
  if (issue.severity !== asked.severity) {
    // Older GitLab ignores the severity on create: set it with GraphQL. The incident stays created either way.
    try {
      const held = await setSeverity(gitlab, issue.projectPath, issue.iid, asked.severity);
      if (held !== asked.severity) problem = `GitLab kept the severity ${held === 'unknown' ? 'unset' : severityLabel(held)}: set ${severityLabel(asked.severity)} in GitLab.`;
    } catch (error) {
      problem = `The severity was not set (${error instanceof Error ? error.message : 'GitLab refused'}): set ${severityLabel(asked.severity)} in GitLab.`;
    }
  }
  const ticket = record.ticket ?? (await linkedTicketOf(reservationId));
  const ticketNote = ticket
    ? await postOnTicket(
        ticket,
        `link to incident ${incident.projectPath}#${incident.iid} (start-status repair of reservation ${reservationId})`,
        issueNoteText({ kind: 'incident', projectPath: incident.projectPath, iid: incident.iid, webUrl: incident.webUrl, severity: asked.severity }),
      )
    : undefined;
  return {
    incident,
    sentence: `Incident ${incident.projectPath}#${incident.iid} created (confidential).`,
    ...(problem ? { problem } : {}),
    ...(ticketNote ? { ticketNote } : {}),
  };
}

// A double click while GitLab answers joins the first create instead of starting a second.
const creating = new Map<string, Promise<RepairIncidentAnswer>>();

export const repairIncidentHandlers: Pick<BackgroundHandlers, 'repairIncident.draft' | 'repairIncident.create'> = {
  'repairIncident.draft': async ({ reservationId }) => {
    const settings = await settingsItem.getValue();
    const record = await liveRepair(reservationId);
    const ticket = record.ticket ?? (await linkedTicketOf(reservationId));
    return {
      project: incidentsProject(settings),
      title: repairIncidentTitle(record),
      description: repairIncidentDescription({ ...record, ...(ticket ? { ticket } : {}) }),
      ...(record.incident ? { incident: record.incident } : {}),
    };
  },
  'repairIncident.create': async ({ reservationId, title, description, severity }) => {
    const running = creating.get(reservationId);
    if (running) return running;
    const run = settingsItem
      .getValue()
      .then((settings) => create(settings, reservationId, { title, description, severity }))
      .finally(() => creating.delete(reservationId));
    creating.set(reservationId, run);
    return run;
  },
};
