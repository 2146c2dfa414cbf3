import { describe, expect, it } from 'vitest';
import { repairIncidentDescription, repairIncidentMarker, repairIncidentTitle, withRepairMarker } from './repair-incident';
import type { RepairRecord } from '../firebase/repair-types';

const record: RepairRecord = {
  carId: 'car-1234',
  reservationId: '-Nx3kQ2aBcDeFgHiJkLm',
  written: { qnr: 'QNR-778', lastReportAt: '2026-11-24T18:00:00.000Z' },
  repairedAt: '2026-11-27T18:40:12.000Z',
  by: 'engineer@sandbox.test',
  backupFile: 'start-status-backup.json',
  ticket: { origin: 'https://odoo.example.com', id: 42, ref: null, name: 'Customer <b>subject</b>', url: 'https://odoo.example.com/odoo/helpdesk/42' },
};

describe('the incident of a repair', () => {
  it('is titled after the car and the reservation', () => {
    expect(repairIncidentTitle(record)).toBe('CloudBoxx of car car-1234 did not report the start of reservation -Nx3kQ2aBcDeFgHiJkLm');
  });

  it('describes the audit facts and the ticket, never the customer’s text', () => {
    const description = repairIncidentDescription(record);
    expect(description).toContain('- **Car:** car-1234');
    expect(description).toContain('- **Reservation:** -Nx3kQ2aBcDeFgHiJkLm');
    expect(description).toContain('2026-11-27 18:40 UTC by engineer@sandbox.test');
    expect(description).toContain('**CloudBoxx:** last report 3 days ago (72 h) at the time of the repair');
    expect(description).toContain('**Odoo ticket:** #42 https://odoo.example.com/odoo/helpdesk/42');
    expect(description).toContain('billing needs a manual check');
    expect(description).not.toContain('subject');
  });

  it('carries the marker line the retry looks for', () => {
    expect(withRepairMarker('  Facts.  ', record)).toBe(`Facts.\n\n---\n\n_${repairIncidentMarker(record)}_`);
    expect(repairIncidentMarker(record)).toBe('Start-status repair: car car-1234, reservation -Nx3kQ2aBcDeFgHiJkLm');
  });
});
