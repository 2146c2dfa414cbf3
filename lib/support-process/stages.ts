// The stages of the support process (shared/support-process.md), as data.
// Names are the default Odoo stage names; email templates are the names of the
// mail templates Odoo sends when a ticket enters the stage.

export type ProcessStageId =
  | 'new'
  | 'triage'
  | 'first-line'
  | 'first-line-incident'
  | 'second-line'
  | 'third-line'
  | 'done'
  | 'canceled';

export interface ProcessStage {
  id: ProcessStageId;
  /** Default Odoo stage name (the team can map another name in settings). */
  name: string;
  description: string;
  /** Mail template Odoo sends on entering the stage; null = no email. */
  emailTemplate: string | null;
  /** Whether the customer (partner) gets an email on entering the stage. */
  notifiesCustomer: boolean;
  /** Checklist for the engineer, in the process's words. */
  actions: readonly string[];
  /** The ticket is closed in this stage. */
  closed: boolean;
}

export const PROCESS_STAGES: readonly ProcessStage[] = [
  {
    id: 'new',
    name: 'NEW',
    description: 'New ticket from the support email inbox.',
    emailTemplate: 'Ticket created',
    notifiesCustomer: true,
    actions: [],
    closed: false,
  },
  {
    id: 'triage',
    name: 'TRIAGE',
    description:
      'The team has read the new ticket and makes a priority assessment. The ticket is assigned to a team member.',
    emailTemplate: 'Team member is addressing your support request',
    notifiesCustomer: true,
    actions: [
      'Determine the priority with the Odoo stars: 1 star = within 2–5 business days, 2 stars = within 1 business day, 3 stars = immediate attention.',
      'Assign the ticket to a team member.',
    ],
    closed: false,
  },
  {
    id: 'first-line',
    name: '1st line',
    description: 'The ticket is being handled.',
    emailTemplate: null,
    notifiesCustomer: false,
    actions: [
      'Initial investigation.',
      'Try to fulfil the request without escalating to the dev team or a 3rd party (e.g. change the configuration).',
    ],
    closed: false,
  },
  {
    id: 'first-line-incident',
    name: '1st line: incident',
    description: 'The ticket is categorised as an incident report and the ticket is closed.',
    emailTemplate: 'Thank you for reporting incident',
    notifiesCustomer: true,
    actions: [
      'a) Incident caused by a new bug → create a bug report in GitLab.',
      'b) Incident caused by a known bug → log an incident in GitLab and link it to the bug report.',
      'c) Incident without a clear cause → log an incident in GitLab incidents.',
      'When in doubt, create an incident in GitLab. Only skip the incident when the cause is clearly a bug that has not been logged yet: then create the bug report only, not an incident as well.',
      'Give the incident a severity (possible only after the incident is created). When unsure between two levels, choose the higher one.',
    ],
    closed: true,
  },
  {
    id: 'second-line',
    name: '2nd line',
    description:
      'Escalation within the team: the ticket cannot be handled immediately, or the assigned person cannot handle it and needs help from the team.',
    emailTemplate: null,
    notifiesCustomer: false,
    actions: [
      'a) Create an offer.',
      'b) File a new need in the integration project for the member.',
      'c) Open a bug.',
      'd) Write a script to fix it.',
      'If another team member needs to be involved, create a To-Do for that person in this Odoo ticket.',
    ],
    closed: false,
  },
  {
    id: 'third-line',
    name: '3rd line',
    description: 'Escalation to a 3rd party to handle the ticket (e.g. Invers).',
    emailTemplate: null,
    notifiesCustomer: false,
    actions: ['Communicate with the 3rd-party vendor (e.g. Invers).'],
    closed: false,
  },
  {
    id: 'done',
    name: 'DONE',
    description: 'The support request is fulfilled.',
    emailTemplate: 'closing ticket',
    notifiesCustomer: true,
    actions: [],
    closed: true,
  },
  {
    id: 'canceled',
    name: 'CANCELED',
    description:
      'The ticket is outdated and is not being handled. This closes the ticket without notifying the partner.',
    emailTemplate: null,
    notifiesCustomer: false,
    actions: [],
    closed: true,
  },
];

const STAGES_BY_ID = new Map<ProcessStageId, ProcessStage>(PROCESS_STAGES.map((stage) => [stage.id, stage]));

export function processStage(id: ProcessStageId): ProcessStage {
  const stage = STAGES_BY_ID.get(id);
  // Unreachable for typed callers; guards ids that came from storage or messages.
  if (!stage) throw new Error(`"${String(id)}" is not a stage of the support process.`);
  return stage;
}

/** True when a value read from storage or a message is a known stage id. */
export function isProcessStageId(value: unknown): value is ProcessStageId {
  return typeof value === 'string' && STAGES_BY_ID.has(value as ProcessStageId);
}
