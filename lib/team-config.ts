/**
 * The team's configuration as a file a team lead hands out: every setting except secrets (the GitLab
 * token lives in its own item and is never part of it) and except the machine-local emulator addresses.
 * Importing validates the file like the settings page does and lists what would change before applying.
 */
import type { Settings } from './settings-schema';
import { checkSettings } from './settings-validation';

export const TEAM_CONFIG_KIND = 'support-overlay-team-config';
export const TEAM_CONFIG_VERSION = 1;

export interface TeamConfigFile {
  kind: typeof TEAM_CONFIG_KIND;
  version: number;
  exportedAt: string;
  settings: Omit<Settings, 'firebase'> & { firebase: Omit<Settings['firebase'], 'emulators'> };
}

/** Words that must never appear as a key of a team file: the file is shared by e-mail and chat. */
const SECRET_KEY = /token|password|secret/i;

export function exportTeamConfig(settings: Settings, now: Date = new Date()): TeamConfigFile {
  // Settings never hold a secret (the token has its own item); the key check is the belt to those braces.
  const { emulators: _machineLocal, ...firebase } = settings.firebase;
  const exported = { ...structuredClone(settings), firebase };
  const secrets = keysMatching(exported, SECRET_KEY);
  if (secrets.length > 0) throw new Error(`Refusing to export secrets (${secrets.join(', ')}).`);
  return { kind: TEAM_CONFIG_KIND, version: TEAM_CONFIG_VERSION, exportedAt: now.toISOString(), settings: exported };
}

export function teamConfigFileName(now: Date = new Date()): string {
  return `support-overlay-team-config-${now.toISOString().slice(0, 10)}.json`;
}

export interface SettingChange {
  /** Dotted path, e.g. "gitlab.projects.bugs". */
  field: string;
  before: string;
  after: string;
}

export type TeamConfigImport =
  | { ok: true; settings: Settings; changes: SettingChange[]; ignored: string[] }
  | { ok: false; problems: string[] };

/** Reads a team file against the current settings: what it would set, what changes, what is ignored. */
export function readTeamConfig(text: string, current: Settings): TeamConfigImport {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['This file is not JSON: export the team configuration again and import that file.'] };
  }
  if (!isRecord(file) || file.kind !== TEAM_CONFIG_KIND || !isRecord(file.settings)) {
    return { ok: false, problems: ['This file is not a Support Overlay team configuration (it has no "kind": "support-overlay-team-config").'] };
  }
  if (typeof file.version !== 'number' || file.version > TEAM_CONFIG_VERSION) {
    return { ok: false, problems: ['This team configuration comes from a newer Support Overlay: update the extension, then import it.'] };
  }
  const secrets = keysMatching(file.settings, SECRET_KEY);
  const imported = file.settings;
  // The emulator addresses belong to this machine: kept as they are.
  const firebase: unknown = isRecord(imported.firebase)
    ? stripUndefined({ ...imported.firebase, emulators: current.firebase.emulators })
    : imported.firebase;
  const check = checkSettings({ ...imported, firebase });
  if (!check.ok) return { ok: false, problems: check.problems.map((problem) => `${problem.field || 'settings'}: ${problem.message}`) };
  const known = new Set(Object.keys(current));
  const ignored = [...Object.keys(imported).filter((key) => !known.has(key)), ...secrets.filter((key) => known.has(key.split('.')[0] ?? ''))];
  return { ok: true, settings: check.settings, changes: diffSettings(current, check.settings), ignored: [...new Set(ignored)] };
}

/** Every leaf that differs, in the settings' own order. */
export function diffSettings(before: Settings, after: Settings): SettingChange[] {
  const old = flatten(before);
  const next = flatten(after);
  const fields = [...new Set([...Object.keys(old), ...Object.keys(next)])];
  return fields
    .filter((field) => old[field] !== next[field])
    .map((field) => ({ field, before: old[field] ?? '(none)', after: next[field] ?? '(none)' }));
}

function flatten(value: unknown, prefix = '', into: Record<string, string> = {}): Record<string, string> {
  if (Array.isArray(value)) {
    into[prefix] = value.length ? value.join(', ') : '(empty)';
  } else if (isRecord(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else if (value !== undefined) {
    into[prefix] = value === '' ? '(empty)' : String(value);
  }
  return into;
}

function keysMatching(value: unknown, pattern: RegExp, prefix = ''): string[] {
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [...(pattern.test(key) ? [path] : []), ...keysMatching(inner, pattern, path)];
  });
}

function stripUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
