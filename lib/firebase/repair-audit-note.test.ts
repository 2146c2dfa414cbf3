import { describe, expect, it } from 'vitest';
import { auditNoteAbout, auditNoteText } from './repair-audit-note';
import { BILLING_NOTE } from './repair-types';

const entry = {
  at: '2026-11-27T18:40:12.000Z',
  by: 'engineer@sandbox.test',
  carId: 'car-1234',
  reservationId: '-Nx3kQ2aBcDeFgHiJkLm',
  value: { qnr: 'QNR-778', mileageKm: 48213, doorsLocked: true, lastReportAt: '2026-11-27T13:40:00.000Z' },
};

describe('auditNoteText', () => {
  it('a repair: who, when, car, reservation, the value in words, and the billing check', () => {
    expect(auditNoteText({ action: 'repair', ...entry })).toBe(
      [
        'Support Overlay: start status of reservation -Nx3kQ2aBcDeFgHiJkLm repaired by engineer@sandbox.test on 2026-11-27 18:40 UTC.',
        'Car: car-1234',
        'Reservation: -Nx3kQ2aBcDeFgHiJkLm',
        'Start status written (the car’s last status):',
        '- QNR: QNR-778',
        '- Last report: 2026-11-27 13:40 UTC (5 h ago)',
        '- Mileage: 48,213 km',
        '- Doors locked: yes',
        BILLING_NOTE,
      ].join('\n'),
    );
  });

  it('an undo says the start status is empty again and what was removed', () => {
    const text = auditNoteText({ action: 'undo', ...entry });
    expect(text.split('\n')[0]).toBe(
      'Support Overlay: start-status repair of reservation -Nx3kQ2aBcDeFgHiJkLm undone by engineer@sandbox.test on 2026-11-27 18:40 UTC: its start status is empty again.',
    );
    expect(text).toContain('Start status removed:\n- QNR: QNR-778');
    expect(text.endsWith(BILLING_NOTE)).toBe(true);
  });

  it('names the note for the queue', () => {
    expect(auditNoteAbout({ action: 'undo', reservationId: 'R1' })).toBe('audit of the undone start-status repair of reservation R1');
  });
});
