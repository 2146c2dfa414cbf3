import { describe, expect, it } from 'vitest';
import { isProcessMove, nextStages, outsideProcessWarning } from './moves.ts';
import { PROCESS_STAGES } from './stages.ts';

describe('stage moves', () => {
  it('allows the moves of the support process', () => {
    expect(nextStages('new')).toEqual(['triage', 'canceled']);
    expect(nextStages('triage')).toEqual(['first-line', 'canceled']);
    expect(nextStages('first-line')).toEqual(['first-line-incident', 'second-line', 'done', 'canceled']);
    expect(nextStages('second-line')).toEqual(['third-line', 'first-line-incident', 'done', 'canceled']);
    expect(nextStages('third-line')).toEqual(['second-line', 'done', 'canceled']);
  });

  it('reopens every closed stage to TRIAGE only', () => {
    for (const stage of PROCESS_STAGES.filter((s) => s.closed)) expect(nextStages(stage.id)).toEqual(['triage']);
  });

  it('every open stage can be canceled', () => {
    for (const stage of PROCESS_STAGES.filter((s) => !s.closed)) expect(isProcessMove(stage.id, 'canceled')).toBe(true);
  });

  it('tells process moves from others', () => {
    expect(isProcessMove('first-line', 'second-line')).toBe(true);
    expect(isProcessMove('new', 'done')).toBe(false);
    expect(isProcessMove('third-line', 'first-line-incident')).toBe(false);
    expect(isProcessMove('done', 'first-line')).toBe(false);
  });

  it('asks for confirmation for moves outside the process', () => {
    expect(outsideProcessWarning('new', 'triage')).toBeNull();
    expect(outsideProcessWarning('new', 'done')).toBe(
      'Moving from NEW to DONE is outside the support process (NEW leads to TRIAGE or CANCELED). Move anyway?',
    );
    expect(outsideProcessWarning('first-line', 'third-line')).toBe(
      'Moving from 1st line to 3rd line is outside the support process (1st line leads to 1st line: incident, 2nd line, DONE or CANCELED). Move anyway?',
    );
    expect(outsideProcessWarning('canceled', 'done')).toBe(
      'Moving from CANCELED to DONE is outside the support process (CANCELED leads to TRIAGE). Move anyway?',
    );
    expect(outsideProcessWarning('triage', 'triage')).toBe('The ticket is already in TRIAGE.');
  });
});
