/**
 * Firebase sign-in in the popup (an extension page: the host page never sees the password). The session
 * itself lives in the background; this form only sends the intent and shows who is signed in.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { sendToBackground, type FirebaseAccount } from '@/lib/messaging';
import { ErrorNotice } from './ErrorNotice';

export function FirebaseSignIn({ onChange }: { onChange?: () => void }) {
  const [account, setAccount] = useState<FirebaseAccount | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    try {
      setAccount(await sendToBackground('firebase.account', {}));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      await load();
      onChange?.();
    } catch (failure) {
      // What they typed stays in the form.
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const signIn = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await sendToBackground('firebase.signIn', { email, password });
      setPassword('');
    });
  };

  return (
    <section aria-labelledby="firebase-heading" className="firebase-sign-in">
      <h2 id="firebase-heading">Firebase</h2>
      {error && <ErrorNotice message={error} />}
      {account && !account.configured && <p>Add the Firebase project in the settings, then sign in here.</p>}
      {account?.configured && account.email && (
        <p>
          Signed in to Firebase as <strong data-testid="firebase-email">{account.email}</strong> (project {account.projectId}).{' '}
          <button type="button" disabled={busy} onClick={() => void run(() => sendToBackground('firebase.signOut', {}))}>
            Sign out of Firebase
          </button>
        </p>
      )}
      {account?.configured && !account.email && (
        <form onSubmit={signIn} aria-label="Sign in to Firebase">
          <label>
            Email
            <input type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
          </label>
          <label>
            Password
            <input
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in to Firebase'}
          </button>
        </form>
      )}
    </section>
  );
}
