import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, settingsItem } from './settings';
import { checkSettings } from './settings-validation';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults map every process stage to the Odoo stage of the same name, Belgian calendar', async () => {
    const settings = await settingsItem.getValue();
    expect(settings.stageMapping.new).toBe('NEW');
    expect(settings.stageMapping['third-line']).toBe('3rd line');
    expect(settings.calendar).toEqual({ country: 'BE', region: '', timeZone: 'Europe/Brussels' });
    expect(checkSettings(settings).ok).toBe(true);
  });

  it('says which field is wrong, one sentence each', () => {
    const result = checkSettings({
      ...DEFAULT_SETTINGS,
      odooOrigins: ['odoo.example.com/web'],
      gitlab: { host: 'https://gitlab.example.com', projects: { bugs: 'not a path', incidents: 'support/incidents', integration: '' } },
      calendar: { country: 'Belgium', region: '', timeZone: 'Mars/Olympus' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.problems.map((problem) => [problem.field, problem.message]));
    expect(byField['odooOrigins.0']).toMatch(/address like https:\/\/odoo.example.com/);
    expect(byField['gitlab.projects.bugs']).toMatch(/group\/project/);
    expect(byField['calendar.country']).toMatch(/two-letter code/);
    expect(byField['calendar.timeZone']).toMatch(/Europe\/Brussels/);
    expect(byField['gitlab.projects.incidents']).toBeUndefined();
  });

  it('normalises an origin typed with a trailing slash', () => {
    const result = checkSettings({ ...DEFAULT_SETTINGS, odooOrigins: ['https://odoo.example.com/'] });
    expect(result.ok && result.settings.odooOrigins).toEqual(['https://odoo.example.com']);
  });

  it('refuses an empty stage name in the mapping', () => {
    const result = checkSettings({ ...DEFAULT_SETTINGS, stageMapping: { ...DEFAULT_SETTINGS.stageMapping, done: '  ' } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.message).toBe('The Odoo stage for "DONE" needs a name.');
  });
});
