/**
 * The settings page: every item of lib/settings.ts, validated as you type (one sentence per bad field),
 * "test" buttons that try each system with the values as typed, and the team configuration file.
 * Saving asks the browser for access to the configured company origins (the release build has none).
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { browser } from '#imports';
import { DEFAULT_SETTINGS, gitlabTokenItem, settingsItem, type Settings } from '@/lib/settings';
import { checkSettings } from '@/lib/settings-validation';
import { PROCESS_STAGES } from '@/lib/support-process/stages';
import { matchPattern, requestCompanyOrigins } from '@/lib/content-scripts';
import { sendToBackground } from '@/lib/messaging';
import type { CheckReport } from '@/lib/connection-checks/report';
import { checkControlCenterUrl } from '@/lib/connection-checks/control-center';
import { ErrorNotice } from '@/components/ErrorNotice';
import { TeamConfig } from './TeamConfig';

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

/** The sandbox build (e2e, `npm start`) talks to local emulators; the release build never shows them. */
const SHOW_EMULATORS = import.meta.env.MODE === 'sandbox';

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

const VERDICT_WORDS: Record<CheckReport['verdict'], string> = { ok: 'Works', warning: 'Works, with a warning', error: 'Does not work' };

/** What a test found, announced politely to screen readers. */
function CheckResult({ id, report }: { id: string; report: CheckReport | 'running' | null }) {
  return (
    <div className="check" id={id} role="status" aria-live="polite" aria-busy={report === 'running'}>
      {report === 'running' && <p className="check__running">Testing…</p>}
      {report && report !== 'running' && (
        <div className={`check__report check__report--${report.verdict}`}>
          <p className="check__verdict">{VERDICT_WORDS[report.verdict]}</p>
          <ul>
            {report.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** A "test" button: asks for access to the origins it needs (in the click), then runs the check. */
function useCheck(): [CheckReport | 'running' | null, (origins: string[], run: () => Promise<CheckReport>) => void] {
  const [result, setResult] = useState<CheckReport | 'running' | null>(null);
  const start = (origins: string[], run: () => Promise<CheckReport>) => {
    setResult('running');
    // permissions.request must be called before any await: it needs the click's user gesture.
    const access = origins.length ? browser.permissions.request({ origins: origins.map(matchPattern) }) : Promise.resolve(true);
    access
      .then((granted) =>
        granted
          ? run()
          : { verdict: 'error' as const, lines: ['The browser did not grant access to this address, so it could not be tested. Test again and allow it.'] },
      )
      .catch((error: unknown) => ({ verdict: 'error' as const, lines: [error instanceof Error ? error.message : String(error)] }))
      .then(setResult);
  };
  return [result, start];
}

function TestButton({ label, running, onClick, describedBy }: { label: string; running: boolean; onClick: () => void; describedBy: string }) {
  return (
    <button type="button" className="test-button" onClick={onClick} disabled={running} aria-describedby={describedBy}>
      {running ? 'Testing…' : label}
    </button>
  );
}

const withoutSlash = (value: string) => value.trim().replace(/\/+$/, '');

function originOf(url: string): string[] {
  try {
    return url ? [new URL(url).origin] : [];
  } catch {
    return [];
  }
}

export function App() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [token, setToken] = useState('');
  const [saveState, setSaveState] = useState<{ saved?: boolean; saving?: boolean; error?: string }>({});
  const [ccUrl, setCcUrl] = useState('');
  const [odooCheck, startOdooCheck] = useCheck();
  const [gitlabCheck, startGitLabCheck] = useCheck();
  const [firebaseCheck, startFirebaseCheck] = useCheck();

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

  if (!draft) {
    return (
      <main className="settings" aria-busy="true">
        Loading the settings…
      </main>
    );
  }

  const update = (change: (settings: Settings) => Settings) => {
    setSaveState({});
    setDraft({ ...draft, settings: change(draft.settings) });
  };
  const text = (id: string, label: string, value: string, onChange: (value: string) => void, problem?: string, hint?: string, type = 'text') => (
    <Field key={id} id={id} label={label} problem={problem} hint={hint}>
      <input
        id={id}
        type={type}
        value={value}
        autoComplete="off"
        aria-invalid={problem ? true : undefined}
        aria-describedby={[hint && `${id}-hint`, problem && `${id}-problem`].filter(Boolean).join(' ') || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );

  /** Saves these settings (the form's, or an imported file's): asks for their origins first, in the click. */
  const save = async (settings: Settings) => {
    setSaveState({ saving: true });
    try {
      if (!(await requestCompanyOrigins(settings))) {
        setSaveState({ error: 'The browser did not grant access to these addresses, so nothing was saved. Save again and allow it.' });
        return false;
      }
      await settingsItem.setValue(settings);
      await gitlabTokenItem.setValue(token.trim());
      setDraft(draftOf(settings));
      setSaveState({ saved: true });
      return true;
    } catch (error) {
      setSaveState({ error: `The settings were not saved: ${error instanceof Error ? error.message : String(error)}` });
      return false;
    }
  };

  const s = draft.settings;
  const typed = settingsOf(draft);
  // The checks take addresses as the schema will store them (a trailing slash typed is dropped).
  const odooOrigins = typed.odooOrigins.map(withoutSlash);
  const gitlabTyped = { ...typed.gitlab, host: withoutSlash(typed.gitlab.host) };
  const firebaseTyped = { ...typed.firebase, databaseURL: withoutSlash(typed.firebase.databaseURL) };
  const ccReport = ccUrl.trim() ? checkControlCenterUrl(ccUrl, typed.controlCenter) : null;

  return (
    <main className="settings">
      <h1>Support Overlay settings</h1>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (check?.ok) void save(check.settings);
        }}
      >
        <fieldset>
          <legend>Odoo Helpdesk</legend>
          <Field id="odoo-origins" label="Odoo addresses (one per line)" problem={problemStarting('odooOrigins')} hint="e.g. https://odoo.example.com">
            <textarea
              id="odoo-origins"
              value={draft.odooOrigins}
              aria-invalid={problemStarting('odooOrigins') ? true : undefined}
              aria-describedby={['odoo-origins-hint', problemStarting('odooOrigins') && 'odoo-origins-problem'].filter(Boolean).join(' ')}
              onChange={(event) => {
                setSaveState({});
                setDraft({ ...draft, odooOrigins: event.target.value });
              }}
            />
          </Field>
          <TestButton
            label="Test Odoo"
            running={odooCheck === 'running'}
            describedBy="odoo-check"
            onClick={() => {
              const first = odooOrigins[0];
              if (!first || problemStarting('odooOrigins')) {
                startOdooCheck([], async () => ({ verdict: 'error', lines: ['Type a valid Odoo address first.'] }));
                return;
              }
              startOdooCheck(odooOrigins, async () => {
                const reports = await Promise.all(odooOrigins.map((origin) => sendToBackground('connection.check', { system: 'odoo', origin })));
                const verdicts = reports.map((report) => report.verdict);
                const verdict = verdicts.includes('error') ? 'error' : verdicts.includes('warning') ? 'warning' : 'ok';
                return { verdict, lines: reports.flatMap((report) => report.lines) };
              });
            }}
          />
          <CheckResult id="odoo-check" report={odooCheck} />
        </fieldset>

        <fieldset>
          <legend>Odoo stages of the support process</legend>
          <p className="fieldset__hint">The name of each process stage in your Odoo helpdesk team (as shown in Odoo).</p>
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
              aria-invalid={problemStarting('controlCenter.patterns') ? true : undefined}
              aria-describedby={['cc-patterns-hint', problemStarting('controlCenter.patterns') && 'cc-patterns-problem'].filter(Boolean).join(' ')}
              onChange={(event) => {
                setSaveState({});
                setDraft({ ...draft, patterns: event.target.value });
              }}
            />
          </Field>
          {text('cc-test-url', 'Test this URL', ccUrl, setCcUrl, undefined, 'Paste the address of a Control Center reservation or car page.', 'url')}
          <CheckResult id="cc-check" report={ccReport} />
        </fieldset>

        <fieldset>
          <legend>GitLab</legend>
          {text('gitlab-host', 'GitLab address', s.gitlab.host, (value) => update((current) => ({ ...current, gitlab: { ...current.gitlab, host: value } })), problems.get('gitlab.host'))}
          {text(
            'gitlab-token',
            'Your personal access token (scope api)',
            token,
            (value) => {
              setSaveState({});
              setToken(value);
            },
            undefined,
            'Stored only in this browser, used only by the extension’s background; never exported.',
            'password',
          )}
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
          <TestButton
            label="Test GitLab token and projects"
            running={gitlabCheck === 'running'}
            describedBy="gitlab-check"
            onClick={() => {
              if (problemStarting('gitlab')) {
                startGitLabCheck([], async () => ({ verdict: 'error', lines: ['Fix the GitLab fields marked in red first.'] }));
                return;
              }
              startGitLabCheck(originOf(gitlabTyped.host), () =>
                sendToBackground('connection.check', { system: 'gitlab', gitlab: gitlabTyped, token }),
              );
            }}
          />
          <CheckResult id="gitlab-check" report={gitlabCheck} />
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
          {SHOW_EMULATORS &&
            (['database', 'auth'] as const).map((key) =>
              text(
                `firebase-emulator-${key}`,
                { database: 'Database emulator (sandbox only)', auth: 'Auth emulator (sandbox only)' }[key],
                s.firebase.emulators?.[key] ?? '',
                (value) =>
                  update((current) => {
                    const emulators = { ...current.firebase.emulators, [key]: value.trim() || undefined };
                    const used = Object.values(emulators).some(Boolean);
                    const { emulators: _old, ...firebase } = current.firebase;
                    return { ...current, firebase: used ? { ...firebase, emulators } : firebase };
                  }),
                undefined,
                { database: 'host:port, e.g. 127.0.0.1:9000', auth: 'e.g. http://127.0.0.1:9099' }[key],
              ),
            )}
          <TestButton
            label="Test Firebase"
            running={firebaseCheck === 'running'}
            describedBy="firebase-check"
            onClick={() => {
              if (problemStarting('firebase')) {
                startFirebaseCheck([], async () => ({ verdict: 'error', lines: ['Fix the Firebase fields marked in red first.'] }));
                return;
              }
              startFirebaseCheck(firebaseTyped.emulators?.database ? [] : originOf(firebaseTyped.databaseURL), () =>
                sendToBackground('connection.check', { system: 'firebase', firebase: firebaseTyped }),
              );
            }}
          />
          <CheckResult id="firebase-check" report={firebaseCheck} />
        </fieldset>

        <fieldset>
          <legend>Business days</legend>
          {text('calendar-country', 'Public holidays of country', s.calendar.country, (value) => update((current) => ({ ...current, calendar: { ...current.calendar, country: value } })), problems.get('calendar.country'), 'Two letters, e.g. BE')}
          {text('calendar-region', 'Region (optional)', s.calendar.region, (value) => update((current) => ({ ...current, calendar: { ...current.calendar, region: value } })), problems.get('calendar.region'), 'e.g. VLG, or BY for Bavaria')}
          {text('calendar-timezone', 'Team time zone', s.calendar.timeZone, (value) => update((current) => ({ ...current, calendar: { ...current.calendar, timeZone: value } })), problems.get('calendar.timeZone'))}
        </fieldset>

        <div className="actions">
          <button type="submit" className="so-primary" disabled={!check?.ok || saveState.saving}>
            {saveState.saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" onClick={() => setDraft(draftOf({ ...DEFAULT_SETTINGS, firebase: { ...DEFAULT_SETTINGS.firebase, emulators: s.firebase.emulators } }))}>
            Reset to defaults
          </button>
          <span role="status">
            {!check?.ok && 'Fix the fields marked in red to save.'}
            {saveState.saved && <span className="saved">Saved.</span>}
          </span>
        </div>
        {saveState.error && <ErrorNotice message={saveState.error} />}
      </form>

      <TeamConfig onApply={save} />
    </main>
  );
}
