import { describe, expect, it } from 'vitest';
import { PROCESS_STAGES, isProcessStageId, processStage, type ProcessStageId } from './stages.ts';

describe('process stages', () => {
  it('lists the stages in process order with the default Odoo names', () => {
    expect(PROCESS_STAGES.map((stage) => [stage.id, stage.name])).toEqual([
      ['new', 'NEW'],
      ['triage', 'TRIAGE'],
      ['first-line', '1st line'],
      ['first-line-incident', '1st line: incident'],
      ['second-line', '2nd line'],
      ['third-line', '3rd line'],
      ['done', 'DONE'],
      ['canceled', 'CANCELED'],
    ]);
  });

  it('names the mail template Odoo sends for each stage', () => {
    const templates = Object.fromEntries(PROCESS_STAGES.map((stage) => [stage.id, stage.emailTemplate]));
    expect(templates).toEqual({
      new: 'Ticket created',
      triage: 'Team member is addressing your support request',
      'first-line': null,
      'first-line-incident': 'Thank you for reporting incident',
      'second-line': null,
      'third-line': null,
      done: 'closing ticket',
      canceled: null,
    });
  });

  it('notifies the customer exactly when a template is sent; CANCELED closes silently', () => {
    for (const stage of PROCESS_STAGES) expect(stage.notifiesCustomer).toBe(stage.emailTemplate !== null);
    expect(processStage('canceled')).toMatchObject({ closed: true, notifiesCustomer: false });
  });

  it('closes the ticket in 1st line: incident, DONE and CANCELED only', () => {
    expect(PROCESS_STAGES.filter((stage) => stage.closed).map((stage) => stage.id)).toEqual([
      'first-line-incident',
      'done',
      'canceled',
    ]);
  });

  it('carries the checklists of the process text', () => {
    const triage = processStage('triage').actions.join('\n');
    expect(triage).toContain('1 star = within 2–5 business days');
    expect(triage).toContain('2 stars = within 1 business day');
    expect(triage).toContain('3 stars = immediate attention');
    expect(triage).toMatch(/assign/i);

    expect(processStage('first-line').actions.join('\n')).toMatch(/without escalating.*change the configuration/);

    const incident = processStage('first-line-incident').actions.join('\n');
    expect(incident).toMatch(/new bug → create a bug report/);
    expect(incident).toMatch(/known bug → log an incident .* link/);
    expect(incident).toMatch(/without a clear cause → log an incident/);
    expect(incident).toContain('When in doubt, create an incident');
    expect(incident).toMatch(/choose the higher one/);

    const secondLine = processStage('second-line').actions.join('\n');
    for (const action of ['Create an offer', 'integration project for the member', 'Open a bug', 'Write a script to fix', 'To-Do']) {
      expect(secondLine).toContain(action);
    }
    expect(processStage('third-line').actions.join('\n')).toMatch(/3rd-party vendor \(e\.g\. Invers\)/);
  });

  it('finds a stage by id and rejects unknown ids', () => {
    expect(processStage('second-line').name).toBe('2nd line');
    expect(() => processStage('fourth-line' as ProcessStageId)).toThrow('"fourth-line" is not a stage of the support process.');
    expect(isProcessStageId('done')).toBe(true);
    expect(isProcessStageId('DONE')).toBe(false);
    expect(isProcessStageId(3)).toBe(false);
  });
});
