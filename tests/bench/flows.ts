/**
 * The flows of `npm run bench`: requests and time of the main actions driven through the built extension,
 * and the engineer's steps with the extension against the manual procedure of support-process.md.
 */
import type { Sandbox } from '../sandbox/index.ts';

export interface FlowResult {
  /** HTTP requests the flow made to the systems involved (Odoo call_kw, GitLab, database reads/writes). */
  requests: number | null;
  medianMs: number | null;
  stepsWithExtension: number;
  stepsManual: number;
  note?: string;
}

/** Counted honestly from support-process.md (manual) and from the extension's UI (with). */
export const FLOW_STEPS = {
  stageMoveWithEmail: {
    manual: [
      'Open the ticket in Odoo',
      'Look up the process: which stage comes next, which email it sends',
      'Set the priority stars',
      'Work out the deadline in business days (weekends, public holidays)',
      'Assign the ticket',
      'Click the TRIAGE stage in the status bar',
      'Save the form',
    ],
    withExtension: ['Open the ticket in Odoo', 'Pick the stars and the assignee in the sidebar', 'Click "Move to TRIAGE" and confirm the email preview'],
  },
  incidentWorkflow: {
    manual: [
      'Decide bug report or incident from the process text',
      'Open the GitLab incidents project, New issue, type Incident',
      'Copy the title from the ticket',
      'Copy and reformat the description, add the ticket link, customer, priority',
      'Tick confidential, create',
      'Set the severity on the created incident',
      'Search the bugs project for the known bug',
      'Link the incident to the bug (relates to)',
      'Copy the issue link back to Odoo as a log note',
      'Move the ticket to 1st line: incident',
    ],
    withExtension: ['Answer "new bug, known bug, or unclear?" (and pick the bug)', 'Choose the severity', 'Review the prefilled draft and click Create'],
  },
  startStatusRepair: {
    manual: [
      'Copy carId and reservationId from the Control Center URLs',
      'Open the Firebase console, go to /cars/{carId}/status',
      'Export the JSON file to the computer',
      'Go to /reservationDetails/{reservationId}/originalStartStatus and check it is null',
      'Import the JSON file there',
      'Back in Control Center: end the reservation',
      'If the CloudBoxx is offline: change the QNR to mock-{QNR}',
      'End the reservation',
      'Change the QNR back',
    ],
    withExtension: [
      'Click "Repair start status" on the Control Center page',
      'Check the status shown and confirm (the backup file is saved for you)',
      'End the reservation (the step list guides the QNR steps when the box is offline)',
      'If offline: paste mock-{QNR} (copied for you), end, restore the QNR and tick it off (the popup reminds you until then)',
    ],
  },
} as const;

export async function measureFlows(_sandbox: Sandbox): Promise<Record<string, FlowResult>> {
  const steps = (name: keyof typeof FLOW_STEPS) => ({
    stepsWithExtension: FLOW_STEPS[name].withExtension.length,
    stepsManual: FLOW_STEPS[name].manual.length,
  });
  return {
    stageMoveWithEmail: { requests: null, medianMs: null, ...steps('stageMoveWithEmail'), note: 'not measured yet' },
    incidentWorkflow: { requests: null, medianMs: null, ...steps('incidentWorkflow'), note: 'not measured yet' },
    startStatusRepair: { requests: null, medianMs: null, ...steps('startStatusRepair'), note: 'not measured yet' },
  };
}
