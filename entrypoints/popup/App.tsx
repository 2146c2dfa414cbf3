import { useEffect } from 'react';
import { create } from 'zustand';
import { browser } from '#imports';
import { sendToBackground, type SystemsStatus, type SystemState } from '@/lib/messaging';
import { ErrorNotice } from '@/components/ErrorNotice';
import { QuickLinks } from './QuickLinks';
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
  /** A check is running (the first one, or "Check again"): GitLab and Odoo answer over the network. */
  checking: boolean;
  load(): Promise<void>;
}

const usePopupStore = create<PopupStore>((set) => ({
  status: null,
  error: null,
  checking: false,
  async load() {
    set({ checking: true });
    try {
      set({ status: await sendToBackground('systems.status', {}), error: null, checking: false });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error), checking: false });
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
  const { status, error, load, checking } = usePopupStore();
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main className="popup">
      <h1>Support Overlay</h1>
      {error && <ErrorNotice message={error} />}
      <section aria-labelledby="systems-heading">
        <h2 id="systems-heading">Your systems</h2>
        <ul className="systems" aria-busy={checking}>
          {SYSTEMS.map(({ key, label }) => (
            <SystemRow key={key} label={label} state={status?.[key]} />
          ))}
        </ul>
        <button type="button" onClick={() => void load()} disabled={checking}>
          {checking ? 'Checking…' : 'Check again'}
        </button>
      </section>
      <QuickLinks />
      <PendingWork />
      <FirebaseSignIn onChange={() => void load()} />
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        Settings
      </button>
    </main>
  );
}
