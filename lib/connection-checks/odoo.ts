/**
 * The Odoo test button: is there an Odoo at this address, which version, is the engineer signed in, and
 * which helpdesk app it runs. Runs in the background with the browser's cookies for that origin, so a
 * signed-in engineer gets the full answer; a signed-out one learns it is an Odoo and to sign in.
 */
import { createOdooRpc, OdooError } from '../odoo/rpc';
import { detectFlavour } from '../odoo/helpdesk';
import { report, type CheckReport } from './report';

const FLAVOUR_NAMES = { enterprise: 'Odoo Enterprise Helpdesk', oca: 'OCA Helpdesk (helpdesk_mgmt)' } as const;

export async function checkOdoo(origin: string, fetchImpl: typeof fetch = fetch): Promise<CheckReport> {
  // The background's fetch sends the engineer's Odoo cookie only when asked to.
  const rpc = createOdooRpc({ origin, fetch: (input, init) => fetchImpl(input, { ...init, credentials: 'include' }) });
  let session;
  try {
    session = await rpc.sessionInfo();
  } catch (error) {
    if (error instanceof OdooError && error.kind === 'session-expired') {
      return report(
        'warning',
        `${origin} is an Odoo, but you are not signed in to it in this browser.`,
        'Sign in to Odoo in a tab, then test again to see its version and helpdesk app.',
      );
    }
    if (error instanceof OdooError && error.kind === 'network') {
      return report('error', `${origin} could not be reached: check the address (and that you are on the company network).`);
    }
    return report('error', `${origin} answered, but not like an Odoo does: check the address (the Odoo you sign in to, without /web).`);
  }
  const lines = [
    `${origin} is Odoo ${session.serverVersion}, database ${session.db}.`,
    `You are signed in as ${session.name} (${session.username}).`,
  ];
  try {
    const flavour = await detectFlavour(rpc);
    return { verdict: 'ok', lines: [...lines, `Helpdesk app: ${FLAVOUR_NAMES[flavour]}.`] };
  } catch (error) {
    if (error instanceof OdooError && error.kind === 'not-installed') {
      return { verdict: 'error', lines: [...lines, 'No helpdesk app is installed on this Odoo: ask an Odoo administrator to install Helpdesk.'] };
    }
    return { verdict: 'error', lines: [...lines, `The helpdesk app could not be checked: ${error instanceof Error ? error.message : String(error)}`] };
  }
}
