// Which stage moves the support process allows. Other moves are possible in Odoo,
// but the sidebar asks for confirmation first (outsideProcessWarning).

import { processStage, type ProcessStageId } from './stages.ts';

// A closed ticket (incident logged, done, canceled) is reopened through TRIAGE,
// so its priority and assignee are looked at again.
const REOPEN: readonly ProcessStageId[] = ['triage'];

const PROCESS_MOVES: Readonly<Record<ProcessStageId, readonly ProcessStageId[]>> = {
  new: ['triage', 'canceled'],
  triage: ['first-line', 'canceled'],
  'first-line': ['first-line-incident', 'second-line', 'done', 'canceled'],
  'second-line': ['third-line', 'first-line-incident', 'done', 'canceled'],
  'third-line': ['second-line', 'done', 'canceled'],
  'first-line-incident': REOPEN,
  done: REOPEN,
  canceled: REOPEN,
};

export function nextStages(from: ProcessStageId): readonly ProcessStageId[] {
  return PROCESS_MOVES[from];
}

export function isProcessMove(from: ProcessStageId, to: ProcessStageId): boolean {
  return PROCESS_MOVES[from].includes(to);
}

/** Names joined the way people say them: "A", "A or B", "A, B or C". */
function orList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * Null for a move the process allows; otherwise the sentence for the confirmation dialog.
 * Staying in the same stage is not a move and gets a warning too (nothing would happen).
 */
export function outsideProcessWarning(from: ProcessStageId, to: ProcessStageId): string | null {
  if (isProcessMove(from, to)) return null;
  const fromName = processStage(from).name;
  const toName = processStage(to).name;
  if (from === to) return `The ticket is already in ${fromName}.`;
  const allowed = orList(nextStages(from).map((id) => processStage(id).name));
  return `Moving from ${fromName} to ${toName} is outside the support process (${fromName} leads to ${allowed}). Move anyway?`;
}
