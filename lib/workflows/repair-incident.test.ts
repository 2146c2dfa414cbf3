import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, settingsItem, startStatusRepairsItem } from '../settings';
import { GitLabError } from '../gitlab/errors';
import { createIssue, findIssueByMarker } from '../gitlab/issues';
import type { IssueSummary } from '../gitlab/issues';
import { repairIncidentHandlers } from './repair-incident';

vi.mock('../gitlab/client', () => ({ connectGitLab: vi.fn(async () => ({ host: 'https://gitlab.example.com' })) }));
vi.mock('../gitlab/issues', () => ({ createIssue: vi.fn(), findIssueByMarker: vi.fn(), setSeverity: vi.fn() }));
const create = vi.mocked(createIssue);
const find = vi.mocked(findIssueByMarker);

const RESERVATION = '-Nx3kQ2aBcDeFgHiJkLm';
const context = { audience: 'control-center' as const, sender: { id: 'ext', url: 'https://cc.example.com/reservations/x' } };
const asked = { reservationId: RESERVATION, title: 'CloudBoxx offline', description: 'Facts.', severity: 'high' as const };
const issue: IssueSummary = {
  projectPath: 'tmf/incidents', iid: 7, title: 'CloudBoxx offline', state: 'opened', severity: 'high', issueType: 'incident',
  webUrl: 'https://gitlab.example.com/tmf/incidents/-/issues/7', assignees: [],
};

beforeEach(async () => {
  fakeBrowser.reset();
  create.mockReset();
  find.mockReset();
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, gitlab: { ...DEFAULT_SETTINGS.gitlab, projects: { ...DEFAULT_SETTINGS.gitlab.projects, incidents: 'tmf/incidents' } } });
  await startStatusRepairsItem.setValue([
    { carId: 'car-1234', reservationId: RESERVATION, written: { qnr: 'Q1' }, repairedAt: '2026-11-27T18:40:00.000Z', by: 'engineer@sandbox.test', backupFile: 'b.json' },
  ]);
});

describe('the incident of a repair', () => {
  it('two requests at once create one confidential incident in the configured project; a later one gets the same', async () => {
    create.mockImplementation(async () => issue);
    const [first, second] = await Promise.all([
      repairIncidentHandlers['repairIncident.create'](asked, context),
      repairIncidentHandlers['repairIncident.create'](asked, context),
    ]);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]?.[1]).toMatchObject({ kind: 'incident', project: 'tmf/incidents', confidential: true, severity: 'high' });
    expect(create.mock.calls[0]?.[1].description).toContain('_Start-status repair: car car-1234, reservation -Nx3kQ2aBcDeFgHiJkLm_');
    expect(second).toEqual(first);
    const later = await repairIncidentHandlers['repairIncident.create'](asked, context);
    expect(later.incident).toEqual(first.incident);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('after a failed create, looks for a lost one before creating again', async () => {
    create.mockRejectedValueOnce(new GitLabError('server', 'GitLab is not answering properly (error 502).'));
    await expect(repairIncidentHandlers['repairIncident.create'](asked, context)).rejects.toThrow('error 502');
    find.mockResolvedValue(issue);
    const answer = await repairIncidentHandlers['repairIncident.create'](asked, context);
    expect(find).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledTimes(1); // only the failed one
    expect(answer.incident.iid).toBe(7);
  });

  it('refuses a severity the process does not know, and an empty title, creating nothing', async () => {
    await expect(repairIncidentHandlers['repairIncident.create']({ ...asked, severity: 'urgent' as never }, context)).rejects.toThrow('Choose the incident’s severity.');
    await expect(repairIncidentHandlers['repairIncident.create']({ ...asked, title: '  ' }, context)).rejects.toThrow('Give the incident a title.');
    expect(create).not.toHaveBeenCalled();
  });
});
