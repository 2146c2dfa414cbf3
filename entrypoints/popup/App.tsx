import { useEffect } from 'react';
import { create } from 'zustand';
import { browser } from '#imports';
import { sendToBackground, type SystemsStatus, type SystemState } from '@/lib/messaging';
import { ErrorNotice } from '@/components/ErrorNotice';
import { FirebaseSignIn } from '@/components/FirebaseSignIn';
import { PendingWork } from '@/components/PendingWork';

const SYSTEMS: ReadonlyArray<{ key: keyof SystemsStatus; label: string }> = [
  { key: 'odoo', label: 'Odoo' },
  { key: 'gitlab', label: 'GitLab' },
  { key: 'firebase', label: 'Firebase' },
];

const STATE_WORDS: Record<SystemState['state'], string> = {
  ok: 'Connected',
  warning: 'Check',
  'signed-out': 'Signed out',
  'not-configured': 'Not configured',
  error: 'Not working',
};

interface PopupStore {
  status: SystemsStatus | null;
  error: string | null;
  load(): Promise<void>;
}

const usePopupStore = create<PopupStore>((set) => ({
  status: null,
  error: null,
  async load() {
    try {
      set({ status: await sendToBackground('systems.status', {}), error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
}));

function SystemRow({ label, state }: { label: string; state: SystemState | undefined }) {
  return (
    <li className={`system system--${state?.state ?? 'loading'}`} aria-label={label}>
      <span className="system__name">{label}</span>
      <span className="system__state">{state ? STATE_WORDS[state.state] : 'Checking…'}</span>
      {state?.who && <span className="system__who">{state.who}</span>}
      {state?.detail && <span className="system__detail">{state.detail}</span>}
    </li>
  );
}

export function App() {
  const { status, error, load } = usePopupStore();
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main className="popup">
      <h1>Support Overlay</h1>
      {error && <ErrorNotice message={error} />}
      <section aria-labelledby="systems-heading">
        <h2 id="systems-heading">Your systems</h2>
        <ul className="systems">
          {SYSTEMS.map(({ key, label }) => (
            <SystemRow key={key} label={label} state={status?.[key]} />
          ))}
        </ul>
      </section>
      <PendingWork />
      <FirebaseSignIn onChange={() => void load()} />
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        Settings
      </button>
    </main>
  );
}
