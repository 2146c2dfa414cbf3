/**
 * What the settings are and their defaults. Pure: the sandbox and tests use it in Node; the stored items
 * are in lib/settings.ts, the validation (one sentence per bad field) in lib/settings-validation.ts, kept
 * apart so the content scripts, which only read settings, do not carry the validator.
 */
import { DEFAULT_STAGE_MAPPING, type StageMapping } from './support-process/stage-mapping';
import { DEFAULT_CONTROL_CENTER_PATTERNS } from './control-center/url-patterns';

export interface FirebaseWebConfig {
  apiKey: string;
  authDomain: string;
  databaseURL: string;
  projectId: string;
}

export interface Settings {
  /** Origins of the team's Odoo (e.g. https://support.example.com). */
  odooOrigins: string[];
  controlCenter: {
    origin: string;
    /** URL patterns with :carId / :reservationId placeholders (see lib/control-center/url-patterns.ts). */
    patterns: string[];
  };
  gitlab: {
    /** e.g. https://gitlab.com or a self-hosted GitLab. */
    host: string;
    projects: { bugs: string; incidents: string; integration: string };
    /** Labels per kind of GitLab record (lib/gitlab/draft.ts has the defaults); absent: the defaults. */
    labels?: Partial<Record<'bug-report' | 'incident' | 'need' | 'script-to-fix', string[]>>;
  };
  firebase: FirebaseWebConfig & {
    /** Local emulators (sandbox and tests only): "127.0.0.1:9000", "http://127.0.0.1:9099". */
    emulators?: { database?: string; auth?: string };
  };
  /** Process stage → Odoo stage name. */
  stageMapping: StageMapping;
  /** Where business days are counted: public holidays of country/region, in the team's time zone. */
  calendar: { country: string; region: string; timeZone: string };
}

export const DEFAULT_SETTINGS: Settings = {
  odooOrigins: [],
  controlCenter: { origin: '', patterns: [...DEFAULT_CONTROL_CENTER_PATTERNS] },
  gitlab: { host: 'https://gitlab.com', projects: { bugs: '', incidents: '', integration: '' } },
  firebase: { apiKey: '', authDomain: '', databaseURL: '', projectId: '' },
  stageMapping: { ...DEFAULT_STAGE_MAPPING },
  calendar: { country: 'BE', region: '', timeZone: 'Europe/Brussels' },
};
