// Process stage → the team's Odoo stage name. A renamed Odoo stage is a settings
// change (rule 4 of the architecture), so lookups go through a mapping.

import { PROCESS_STAGES, type ProcessStageId } from './stages.ts';

export type StageMapping = Record<ProcessStageId, string>;

export const DEFAULT_STAGE_MAPPING: StageMapping = Object.freeze(
  Object.fromEntries(PROCESS_STAGES.map((stage) => [stage.id, stage.name])) as StageMapping,
);

/**
 * Stage names as people type them: case, surrounding and repeated spaces do not
 * matter, and ordinal suffixes are equivalent — the team's own process text writes
 * "3th line" where we write "3rd line".
 */
function comparableStageName(name: string): string {
  return name
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/\b(\d+)(?:st|nd|rd|th)\b/g, '$1.');
}

export function processStageForOdooName(odooName: string, mapping: StageMapping): ProcessStageId | null {
  const wanted = comparableStageName(odooName);
  if (wanted === '') return null;
  // Walk in process order so a (mis)configured duplicate resolves predictably.
  for (const stage of PROCESS_STAGES) {
    if (comparableStageName(mapping[stage.id]) === wanted) return stage.id;
  }
  return null;
}

export function odooNameFor(id: ProcessStageId, mapping: StageMapping): string {
  return mapping[id];
}
