import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_MAPPING, odooNameFor, processStageForOdooName, type StageMapping } from './stage-mapping.ts';

describe('stage mapping', () => {
  it('maps each process stage to the Odoo stage of the same name by default', () => {
    expect(DEFAULT_STAGE_MAPPING).toEqual({
      new: 'NEW',
      triage: 'TRIAGE',
      'first-line': '1st line',
      'first-line-incident': '1st line: incident',
      'second-line': '2nd line',
      'third-line': '3rd line',
      done: 'DONE',
      canceled: 'CANCELED',
    });
  });

  it('recognises Odoo stage names regardless of case and spacing', () => {
    expect(processStageForOdooName('TRIAGE', DEFAULT_STAGE_MAPPING)).toBe('triage');
    expect(processStageForOdooName('  1st   Line:  Incident ', DEFAULT_STAGE_MAPPING)).toBe('first-line-incident');
    expect(processStageForOdooName('done', DEFAULT_STAGE_MAPPING)).toBe('done');
    expect(processStageForOdooName('1st line', DEFAULT_STAGE_MAPPING)).toBe('first-line');
  });

  it('accepts the process text\'s "3th line" for the 3rd line stage', () => {
    expect(processStageForOdooName('3th line', DEFAULT_STAGE_MAPPING)).toBe('third-line');
  });

  it('answers null for stages outside the process', () => {
    expect(processStageForOdooName('In Progress', DEFAULT_STAGE_MAPPING)).toBeNull();
    expect(processStageForOdooName('2nd line escalation', DEFAULT_STAGE_MAPPING)).toBeNull();
    expect(processStageForOdooName('   ', DEFAULT_STAGE_MAPPING)).toBeNull();
  });

  it('follows a renamed stage in the mapping', () => {
    const mapping: StageMapping = { ...DEFAULT_STAGE_MAPPING, new: 'New', canceled: 'Cancelled' };
    expect(processStageForOdooName('Cancelled', mapping)).toBe('canceled');
    expect(processStageForOdooName('CANCELED', mapping)).toBeNull();
    expect(processStageForOdooName('new', mapping)).toBe('new');
    expect(odooNameFor('canceled', mapping)).toBe('Cancelled');
    expect(odooNameFor('third-line', DEFAULT_STAGE_MAPPING)).toBe('3rd line');
  });
});
