// The process check: does a team's Odoo configuration (its stages and their mail templates) do what
// the support process says? Odoo sends the stage's template by itself on every move, so a wrong
// template means a wrong email to a customer. Pure: it works on the stages the sidebar already read.
import type { OdooStage } from './helpdesk';
import { PROCESS_STAGES, type ProcessStageId } from '@/lib/support-process/stages';
import { processStageForOdooName, type StageMapping } from '@/lib/support-process/stage-mapping';

export type ProcessDifferenceKind =
  | 'missing-stage'
  | 'missing-email'
  | 'wrong-email'
  | 'canceled-emails'
  | 'unexpected-email'
  | 'extra-stage';

export interface ProcessDifference {
  kind: ProcessDifferenceKind;
  /** The process stage concerned (null for an Odoo stage outside the process). */
  stage: ProcessStageId | null;
  /** What differs, in one sentence. */
  problem: string;
  /** What to change in Odoo's configuration (or the extension's settings). */
  fix: string;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function checkTeamProcess(teamName: string, stages: readonly OdooStage[], mapping: StageMapping): ProcessDifference[] {
  const differences: ProcessDifference[] = [];
  const where = `Helpdesk › Configuration › Stages`;
  for (const step of PROCESS_STAGES) {
    const odooName = mapping[step.id];
    const stage = stages.find((s) => processStageForOdooName(s.name, mapping) === step.id);
    if (!stage) {
      differences.push({
        kind: 'missing-stage',
        stage: step.id,
        problem: `The team ${teamName} has no stage “${odooName}” (process stage ${step.name}).`,
        fix: `In ${where}, add the stage “${odooName}” to the team ${teamName}${step.emailTemplate ? ` with the email template “${step.emailTemplate}”` : ' without an email template'}, or map another stage in the extension's settings.`,
      });
      continue;
    }
    const actual = stage.template?.name ?? null;
    const expected = step.emailTemplate;
    if (expected && actual === null) {
      differences.push({
        kind: 'missing-email',
        stage: step.id,
        problem: `“${stage.name}” sends no email; the process sends “${expected}”.`,
        fix: `In ${where}, set the email template of “${stage.name}” to “${expected}”.`,
      });
    } else if (expected && actual !== null && !sameName(expected, actual)) {
      differences.push({
        kind: 'wrong-email',
        stage: step.id,
        problem: `“${stage.name}” sends “${actual}”; the process sends “${expected}”.`,
        fix: `In ${where}, set the email template of “${stage.name}” to “${expected}”.`,
      });
    } else if (!expected && actual !== null) {
      const canceled = step.id === 'canceled';
      differences.push({
        kind: canceled ? 'canceled-emails' : 'unexpected-email',
        stage: step.id,
        problem: canceled
          ? `“${stage.name}” would email the customer “${actual}”; the process closes a canceled ticket without notifying the customer.`
          : `“${stage.name}” emails the customer “${actual}”; the process sends no email there.`,
        fix: `In ${where}, clear the email template of “${stage.name}”.`,
      });
    }
  }
  for (const stage of stages) {
    if (processStageForOdooName(stage.name, mapping)) continue;
    differences.push({
      kind: 'extra-stage',
      stage: null,
      problem: `The Odoo stage “${stage.name}” is not a stage of the support process.`,
      fix: `Map it to a process stage in the extension's settings, or remove it from the team ${teamName} in ${where}.`,
    });
  }
  return differences;
}
