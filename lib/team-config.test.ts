import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from './settings-schema';
import { diffSettings, exportTeamConfig, readTeamConfig } from './team-config';

const team: Settings = {
  ...DEFAULT_SETTINGS,
  odooOrigins: ['https://odoo.example.com'],
  controlCenter: { ...DEFAULT_SETTINGS.controlCenter, origin: 'https://cc.example.com' },
  gitlab: { host: 'https://gitlab.example.com', projects: { bugs: 'tmf/bugs', incidents: 'tmf/incidents', integration: 'tmf/integration' } },
  firebase: { apiKey: 'AIza-demo', authDomain: 'p.firebaseapp.com', databaseURL: 'https://p.firebaseio.com', projectId: 'p', emulators: { database: '127.0.0.1:9000' } },
};

describe('team configuration file', () => {
  it('round-trips every team setting, without emulators, tokens or passwords', () => {
    const text = JSON.stringify(exportTeamConfig(team, new Date('2026-11-27T10:00:00Z')));
    expect(text).not.toMatch(/token|password|emulators|127\.0\.0\.1/i);
    const read = readTeamConfig(text, { ...DEFAULT_SETTINGS, firebase: { ...DEFAULT_SETTINGS.firebase, emulators: team.firebase.emulators } });
    expect(read.ok && read.settings).toEqual(team);
  });

  it('previews exactly what changes', () => {
    const text = JSON.stringify(exportTeamConfig({ ...team, stageMapping: { ...team.stageMapping, done: 'Solved' } }));
    const read = readTeamConfig(text, team);
    expect(read.ok && read.changes).toEqual([{ field: 'stageMapping.done', before: 'DONE', after: 'Solved' }]);
    expect(readTeamConfig(JSON.stringify(exportTeamConfig(team)), team)).toMatchObject({ ok: true, changes: [] });
  });

  it('ignores secrets and unknown keys in a hand-edited file, and says so', () => {
    const file = exportTeamConfig(team);
    const edited = { ...file, settings: { ...file.settings, gitlabToken: 'glpat-x', gitlab: { ...file.settings.gitlab, token: 'glpat-y' } } };
    const read = readTeamConfig(JSON.stringify(edited), team);
    expect(read.ok && read.ignored).toEqual(['gitlabToken', 'gitlab.token']);
    expect(JSON.stringify(read.ok && read.settings)).not.toContain('glpat');
  });

  it('refuses what is not a team file, a newer one, or bad values, with one sentence each', () => {
    expect(readTeamConfig('not json', team)).toEqual({ ok: false, problems: ['This file is not JSON: export the team configuration again and import that file.'] });
    expect(readTeamConfig('{"odooOrigins":[]}', team)).toMatchObject({ ok: false, problems: [expect.stringMatching(/not a Support Overlay team configuration/)] });
    expect(readTeamConfig(JSON.stringify({ ...exportTeamConfig(team), version: 2 }), team)).toMatchObject({ ok: false, problems: [expect.stringMatching(/newer Support Overlay/)] });
    const bad = exportTeamConfig(team);
    bad.settings.odooOrigins = ['odoo.example.com/web'];
    bad.settings.calendar.country = 'Belgium';
    const read = readTeamConfig(JSON.stringify(bad), team);
    expect(read).toEqual({
      ok: false,
      problems: [
        'odooOrigins.0: An Odoo address must be an address like https://odoo.example.com (no path).',
        'calendar.country: The holiday country is a two-letter code like BE.',
      ],
    });
  });

  it('lists list changes as text', () => {
    expect(diffSettings(DEFAULT_SETTINGS, team)[0]).toEqual({ field: 'odooOrigins', before: '(empty)', after: 'https://odoo.example.com' });
  });
});
