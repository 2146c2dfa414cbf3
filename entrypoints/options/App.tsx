/**
 * The settings page: every item of lib/settings.ts, validated as you type (one sentence per bad field).
 * Saving asks the browser for access to the configured company origins (the release build has none).
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { browser } from '#imports';
import { checkSettings, DEFAULT_SETTINGS, gitlabTokenItem, settingsItem, type Settings } from '@/lib/settings';
import { PROCESS_STAGES } from '@/lib/support-process/stages';
import { matchPattern } from '@/lib/content-scripts';
import { ErrorNotice } from '@/components/ErrorNotice';

/** The form edits lists as one entry per line. */
interface Draft {
  settings: Settings;
  odooOrigins: string;
  patterns: string;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function draftOf(settings: Settings): Draft {
  return { settings, odooOrigins: settings.odooOrigins.join('\n'), patterns: settings.controlCenter.patterns.join('\n') };
}

function settingsOf(draft: Draft): Settings {
  return {
    ...draft.settings,
    odooOrigins: lines(draft.odooOrigins),
    controlCenter: { ...draft.settings.controlCenter, patterns: lines(draft.patterns) },
  };
}

/** Origins the extension needs access to for these settings. */
export function requiredOrigins(settings: Settings): string[] {
  const firebase = settings.firebase.emulators?.database ? '' : settings.firebase.databaseURL;
  return [...settings.odooOrigins, settings.controlCenter.origin, settings.gitlab.host, firebase].filter(Boolean);
}

function Field(props: { id: string; label: string; problem?: string; hint?: string; children: ReactNode }) {
  return (
    <div className={`field${props.problem ? ' field--bad' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <span className="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
      {props.problem && (
        <span className="field__problem" id={`${props.id}-problem`} role="alert">
          {props.problem}
        </span>
      )}
    </div>
  );
}

export function App() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [token, setToken] = useState('');
  const [saveState, setSaveState] = useState<{ saved?: boolean; error?: string }>({});

  useEffect(() => {
    void Promise.all([settingsItem.getValue(), gitlabTokenItem.getValue()]).then(([settings, storedToken]) => {
      setDraft(draftOf(settings));
      setToken(storedToken);
    });
  }, []);

  const check = useMemo(() => (draft ? checkSettings(settingsOf(draft)) : null), [draft]);
  const problems = useMemo(() => {
    const byField = new Map<string, string>();
    if (check && !check.ok) for (const problem of check.problems) byField.set(problem.field, problem.message);
    return byField;
  }, [check]);
  const problemStarting = (prefix: string) =>
    [...problems.entries()].find(([field]) => field === prefix || field.startsWith(`${prefix}.`))?.[1];

  if (!draft) return <main className="settings">Loading the settings…</main>;

  const update = (change: (settings: Settings) => Settings) => {
    setSaveState({});
    setDraft({ ...draft, settings: change(draft.settings) });
  };
  const text = (id: string, label: string, value: string, onChange: (value: string) => void, problem?: string, hint?: string, type = 'text') => (
    <Field id={id} label={label} problem={problem} hint={hint}>
      <input
        id={id}
        type={type}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={[hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ') || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );

  const save = async () => {
    if (!check?.ok) return;
    try {
      const origins = requiredOrigins(check.settings).map(matchPattern);
      // Must run in the click's user gesture: the browser shows its own prompt for new origins.
      if (origins.length > 0 && !(await browser.permissions.request({ origins }))) {
        setSaveState({ error: 'The browser did not grant access to these addresses, so nothing was saved. Save again and allow it.' });
        return;
      }
      await settingsItem.setValue(check.settings);
      await gitlabTokenItem.setValue(token.trim());
      setSaveState({ saved: true });
    } catch (error) {
      setSaveState({ error: `The settings were not saved: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const s = draft.settings;
  return (
    <main className="settings">
      <h1>Support Overlay settings</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset>
          <legend>Odoo Helpdesk</legend>
          <Field id="odoo-origins" label="Odoo addresses (one per line)" problem={problemStarting('odooOrigins')} hint="e.g. https://odoo.example.com">
            <textarea
              id="odoo-origins"
              value={draft.odooOrigins}
              onChange={(event) => {
                setSaveState({});
                setDraft({ ...draft, odooOrigins: event.target.value });
              }}
            />
          </Field>
        </fieldset>

        <fieldset>
          <legend>Odoo stages of the support process</legend>
          <div className="stage-map">
            {PROCESS_STAGES.map((stage) =>
              text(
                `stage-${stage.id}`,
                `${stage.name}`,
                s.stageMapping[stage.id],
                (value) => update((current) => ({ ...current, stageMapping: { ...current.stageMapping, [stage.id]: value } })),
                problems.get(`stageMapping.${stage.id}`),
              ),
            )}
          </div>
        </fieldset>

        <fieldset>
          <legend>Control Center</legend>
          {text('cc-origin', 'Control Center address', s.controlCenter.origin, (value) =>
            update((current) => ({ ...current, controlCenter: { ...current.controlCenter, origin: value } })),
            problems.get('controlCenter.origin'),
          )}
          <Field
            id="cc-patterns"
            label="Where the ids are in its URLs (one pattern per line)"
            problem={problemStarting('controlCenter.patterns')}
            hint="Use :carId and :reservationId, e.g. /reservations/:reservationId or #/cars/:carId or ?reservationId=:reservationId"
          >
            <textarea
              id="cc-patterns"
              value={draft.patterns}
              onChange={(event) => {
                setSaveState({});
                setDraft({ ...draft, patterns: event.target.value });
              }}
            />
          </Field>
        </fieldset>

        <fieldset>
          <legend>GitLab</legend>
          {text('gitlab-host', 'GitLab address', s.gitlab.host, (value) => update((current) => ({ ...current, gitlab: { ...current.gitlab, host: value } })), problems.get('gitlab.host'))}
          {text('gitlab-token', 'Your personal access token (scope api)', token, (value) => {
            setSaveState({});
            setToken(value);
          }, undefined, 'Stored only in this browser, used only by the extension’s background.', 'password')}
          {(['bugs', 'incidents', 'integration'] as const).map((project) =>
            text(
              `gitlab-${project}`,
              { bugs: 'Bugs project', incidents: 'Incidents project', integration: 'Integration needs project' }[project],
              s.gitlab.projects[project],
              (value) => update((current) => ({ ...current, gitlab: { ...current.gitlab, projects: { ...current.gitlab.projects, [project]: value } } })),
              problems.get(`gitlab.projects.${project}`),
              'group/project',
            ),
          )}
        </fieldset>

        <fieldset>
          <legend>Firebase (start-status repair)</legend>
          {(['apiKey', 'authDomain', 'databaseURL', 'projectId'] as const).map((key) =>
            text(
              `firebase-${key}`,
              { apiKey: 'Web API key', authDomain: 'Auth domain', databaseURL: 'Realtime Database URL', projectId: 'Project id' }[key],
              s.firebase[key],
              (value) => update((current) => ({ ...current, firebase: { ...current.firebase, [key]: value } })),
              problems.get(`firebase.${key}`),
            ),
          )}
        </fieldset>

        <fieldset>
          <legend>Business days</legend>
          {text('calendar-country', 'Public holidays of country', s.calendar.country, (value) => update((current) => ({ ...current, calendar: { ...current.calendar, country: value } })), problems.get('calendar.country'), 'Two letters, e.g. BE')}
          {text('calendar-region', 'Region (optional)', s.calendar.region, (value) => update((current) => ({ ...current, calendar: { ...current.calendar, region: value } })), problems.get('calendar.region'), 'e.g. VLG, or BY for Bavaria')}
          {text('calendar-timezone', 'Team time zone', s.calendar.timeZone, (value) => update((current) => ({ ...current, calendar: { ...current.calendar, timeZone: value } })), problems.get('calendar.timeZone'))}
        </fieldset>

        <div className="actions">
          <button type="submit" className="so-primary" disabled={!check?.ok}>
            Save
          </button>
          <button type="button" onClick={() => setDraft(draftOf(DEFAULT_SETTINGS))}>
            Reset to defaults
          </button>
          {!check?.ok && <span role="status">Fix the fields marked in red to save.</span>}
          {saveState.saved && (
            <span className="saved" role="status">
              Saved.
            </span>
          )}
        </div>
        {saveState.error && <ErrorNotice message={saveState.error} />}
      </form>
    </main>
  );
}
