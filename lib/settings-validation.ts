/**
 * Validation of settings typed by an engineer or imported from a team file: one sentence per bad field.
 * Used by the settings page and the team-configuration import (never by content scripts).
 */
import * as v from 'valibot';
import { PROCESS_STAGES, type ProcessStageId } from './support-process/stages';
import { validatePattern } from './control-center/url-patterns';
import type { Settings } from './settings-schema';

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const origin = (what: string) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.check(isOrigin, `${what} must be an address like https://odoo.example.com (no path).`),
    v.transform((value) => value.replace(/\/$/, '')),
  );

const optionalOrigin = (what: string) =>
  v.union([v.literal(''), origin(what)], `${what} must be empty or an address like https://example.com (no path).`);

const projectPath = (what: string) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.check(
      (value) => value === '' || /^[\w.-]+(\/[\w.-]+)+$/.test(value) || /^\d+$/.test(value),
      `${what} must be a GitLab project path like group/project (or its numeric id).`,
    ),
  );

const gitlabLabels = v.array(
  v.pipe(v.string(), v.trim(), v.nonEmpty('A GitLab label cannot be empty.'), v.check((label) => !label.includes(','), 'A GitLab label cannot contain a comma.')),
);

const stageMappingSchema = v.object(
  Object.fromEntries(
    PROCESS_STAGES.map((stage) => [
      stage.id,
      v.pipe(v.string(), v.trim(), v.nonEmpty(`The Odoo stage for "${stage.name}" needs a name.`)),
    ]),
  ) as Record<ProcessStageId, v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.TrimAction, v.NonEmptyAction<string, string>]>>,
);

export const SettingsSchema = v.object({
  odooOrigins: v.array(origin('An Odoo address')),
  controlCenter: v.object({
    origin: optionalOrigin('The Control Center address'),
    patterns: v.pipe(
      v.array(v.pipe(v.string(), v.trim())),
      v.check((patterns) => patterns.every((p) => validatePattern(p) === null), 'Every Control Center URL pattern needs :carId or :reservationId.'),
    ),
  }),
  gitlab: v.object({
    host: optionalOrigin('The GitLab address'),
    projects: v.object({
      bugs: projectPath('The bugs project'),
      incidents: projectPath('The incidents project'),
      integration: projectPath('The integration project'),
    }),
    labels: v.optional(
      v.object({
        'bug-report': v.optional(gitlabLabels),
        incident: v.optional(gitlabLabels),
        need: v.optional(gitlabLabels),
        'script-to-fix': v.optional(gitlabLabels),
      }),
    ),
  }),
  firebase: v.object({
    apiKey: v.pipe(v.string(), v.trim()),
    authDomain: v.pipe(v.string(), v.trim()),
    databaseURL: optionalOrigin('The database URL'),
    projectId: v.pipe(v.string(), v.trim(), v.regex(/^([a-z0-9-]*)$/, 'The Firebase project id has only lower-case letters, digits and dashes.')),
    emulators: v.optional(v.object({ database: v.optional(v.string()), auth: v.optional(v.string()) })),
  }),
  stageMapping: stageMappingSchema,
  calendar: v.object({
    country: v.pipe(v.string(), v.trim(), v.toUpperCase(), v.regex(/^[A-Z]{2}$/, 'The holiday country is a two-letter code like BE.')),
    region: v.pipe(v.string(), v.trim()),
    timeZone: v.pipe(v.string(), v.trim(), v.check(isTimeZone, 'The time zone must be a name like Europe/Brussels.')),
  }),
});

export interface FieldProblem {
  /** Dotted path of the field, e.g. "gitlab.projects.bugs". */
  field: string;
  message: string;
}

export type SettingsCheck = { ok: true; settings: Settings } | { ok: false; problems: FieldProblem[] };

/** Validates settings typed by an engineer or imported from a team file: one sentence per bad field. */
export function checkSettings(input: unknown): SettingsCheck {
  const result = v.safeParse(SettingsSchema, input);
  if (result.success) return { ok: true, settings: result.output as Settings };
  return {
    ok: false,
    problems: result.issues.map((issue) => ({
      field: (issue.path ?? []).map((item) => String(item.key)).join('.'),
      message: issue.message,
    })),
  };
}
