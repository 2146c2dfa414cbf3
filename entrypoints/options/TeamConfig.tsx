/**
 * Team configuration on the settings page: export the saved settings as a JSON file (never the token),
 * import one: validated, with the list of what would change, applied only when the engineer says so.
 */
import { useRef, useState } from 'react';
import { settingsItem, type Settings } from '@/lib/settings';
import { exportTeamConfig, readTeamConfig, teamConfigFileName, type TeamConfigImport } from '@/lib/team-config';
import { ErrorNotice } from '@/components/ErrorNotice';

type Preview = Extract<TeamConfigImport, { ok: true }> & { fileName: string };

export function TeamConfig({ onApply }: { onApply(settings: Settings): Promise<boolean> }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [applied, setApplied] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const download = async () => {
    const file = exportTeamConfig(await settingsItem.getValue());
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = teamConfigFileName();
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const read = async (file: File) => {
    setApplied(null);
    setPreview(null);
    const result = readTeamConfig(await file.text(), await settingsItem.getValue());
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems([]);
    setPreview({ ...result, fileName: file.name });
  };

  return (
    <section className="team-config" aria-labelledby="team-config-heading">
      <h2 id="team-config-heading">Team configuration</h2>
      <p className="fieldset__hint">
        Hand your team one file with these settings (saved values only). Your GitLab token and passwords are never in it.
      </p>
      <div className="actions actions--inline">
        <button type="button" onClick={() => void download()}>
          Export team configuration
        </button>
        <label htmlFor="team-config-file">Import team configuration</label>
        <input
            id="team-config-file"
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void read(file);
            }}
          />
      </div>
      {problems.length > 0 && <ErrorNotice message={`Nothing was changed. ${problems.join(' ')}`} />}
      {preview && (
        <div className="preview" role="region" aria-label="What the import changes">
          <h3>{preview.fileName}</h3>
          {preview.changes.length === 0 ? (
            <p>This file has the same settings as yours: nothing to change.</p>
          ) : (
            <table>
              <caption>What changes if you apply it</caption>
              <thead>
                <tr>
                  <th scope="col">Setting</th>
                  <th scope="col">Now</th>
                  <th scope="col">From the file</th>
                </tr>
              </thead>
              <tbody>
                {preview.changes.map((change) => (
                  <tr key={change.field}>
                    <th scope="row">{change.field}</th>
                    <td>{change.before}</td>
                    <td>{change.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.ignored.length > 0 && <p>Ignored (not settings, or secrets that never travel in a file): {preview.ignored.join(', ')}.</p>}
          <div className="actions actions--inline">
            <button
              type="button"
              className="so-primary"
              disabled={preview.changes.length === 0}
              onClick={() => {
                void onApply(preview.settings).then((ok) => {
                  if (ok) {
                    setApplied(`Applied ${preview.changes.length} change${preview.changes.length === 1 ? '' : 's'} from ${preview.fileName}.`);
                    setPreview(null);
                  }
                });
              }}
            >
              Apply and save
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {applied && (
        <p role="status" className="saved">
          {applied}
        </p>
      )}
    </section>
  );
}
