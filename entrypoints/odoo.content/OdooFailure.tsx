/** An Odoo call failed: one sentence (never Odoo's traceback), and a reload offer when the session expired. */
import { ErrorNotice } from '@/components/ErrorNotice';
import { OdooError, describeOdooError } from '@/lib/odoo/rpc';

export function OdooFailure({ error }: { error: unknown }) {
  const expired = error instanceof OdooError && error.kind === 'session-expired';
  return (
    <ErrorNotice
      message={describeOdooError(error)}
      action={expired ? { label: 'Reload the page', run: () => location.reload() } : undefined}
    />
  );
}
