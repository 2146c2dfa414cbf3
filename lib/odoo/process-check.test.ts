// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkTeamProcess } from './process-check';
import type { OdooStage } from './helpdesk';
import { DEFAULT_STAGE_MAPPING } from '@/lib/support-process/stage-mapping';

const stage = (id: number, name: string, template: string | null): OdooStage => ({
  id, name, sequence: id, closed: false, template: template ? { id, name: template } : null,
});

const SUPPORT = [
  stage(1, 'NEW', 'Ticket created'), stage(2, 'TRIAGE', 'Team member is addressing your support request'), stage(3, '1st line', null),
  stage(4, '1st line: incident', 'Thank you for reporting incident'), stage(5, '2nd line', null), stage(6, '3rd line', null),
  stage(7, 'DONE', 'closing ticket'), stage(8, 'CANCELED', null),
];

describe('checkTeamProcess', () => {
  it('finds nothing on a team set up like the process', () => {
    expect(checkTeamProcess('Support', SUPPORT, DEFAULT_STAGE_MAPPING)).toEqual([]);
  });

  it('lists a missing stage, a wrong template and a CANCELED stage that emails, each with its fix', () => {
    const partners = SUPPORT.filter((s) => s.name !== '2nd line').map((s) =>
      s.name === 'DONE' ? { ...s, template: { id: 1, name: 'Ticket created' } } : s.name === 'CANCELED' ? { ...s, template: { id: 4, name: 'closing ticket' } } : s,
    );
    const found = checkTeamProcess('Partners', partners, DEFAULT_STAGE_MAPPING);
    expect(found.map((d) => [d.kind, d.stage])).toEqual([
      ['missing-stage', 'second-line'],
      ['wrong-email', 'done'],
      ['canceled-emails', 'canceled'],
    ]);
    expect(found[0]?.fix).toContain('add the stage “2nd line” to the team Partners without an email template');
    expect(found[1]?.problem).toBe('“DONE” sends “Ticket created”; the process sends “closing ticket”.');
    expect(found[2]?.fix).toContain('clear the email template of “CANCELED”');
  });

  it('reports a missing email, an email where none belongs, and a stage outside the process', () => {
    const odd = [...SUPPORT.map((s) => (s.name === 'TRIAGE' ? { ...s, template: null } : s.name === '3rd line' ? { ...s, template: { id: 9, name: 'Vendor' } } : s)), stage(9, 'Waiting', null)];
    expect(checkTeamProcess('Support', odd, DEFAULT_STAGE_MAPPING).map((d) => d.kind)).toEqual(['missing-email', 'unexpected-email', 'extra-stage']);
  });

  it('follows the configured stage names', () => {
    const renamed = SUPPORT.map((s) => (s.name === 'NEW' ? { ...s, name: 'Inbox' } : s));
    expect(checkTeamProcess('Support', renamed, { ...DEFAULT_STAGE_MAPPING, new: 'Inbox' })).toEqual([]);
  });
});
