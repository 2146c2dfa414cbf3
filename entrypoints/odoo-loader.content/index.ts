/**
 * The Odoo content script that is registered for the configured Odoo origins. It stays tiny on purpose:
 * Odoo is open all day, so nothing heavy may compete with Odoo's own first render. Once a helpdesk ticket
 * form is on screen it asks the background to inject the sidebar (content-scripts/odoo.js, React and
 * all), which from then on follows Odoo's in-page navigation itself. It also answers the popup's "who am I
 * on Odoo" from any Odoo page.
 */
import type { ContentScriptContext } from '#imports';
import { ticketFromUrl } from '@/lib/odoo/ticket-url';
import { findTicketForm } from '@/lib/odoo/selectors';
import { companyIdsFromPage, createOdooRpc } from '@/lib/odoo/rpc';
import { listenInContent, sendToBackground } from '@/lib/messaging';
import { waitForElement } from '@/lib/wait-for-element';

export default defineContentScript({
  matches: [],
  registration: 'runtime',
  main(ctx: ContentScriptContext) {
    const rpc = createOdooRpc({
      origin: location.origin,
      context: () => ({ allowed_company_ids: companyIdsFromPage(location.href, document.cookie) }),
    });
    ctx.onInvalidated(
      listenInContent({
        'odoo.session': async () => {
          const session = await rpc.sessionInfo();
          return { name: session.name, login: session.username, db: session.db, version: session.serverVersion };
        },
      }),
    );

    let sidebarRequested = false;
    let pending: AbortController | null = null;
    const follow = async (url: string) => {
      if (sidebarRequested) return;
      pending?.abort();
      const current = (pending = new AbortController());
      ctx.onInvalidated(() => current.abort());
      if (!ticketFromUrl(url)) return;
      const form = await waitForElement(() => findTicketForm(document), current.signal);
      if (!form || current.signal.aborted || sidebarRequested) return;
      sidebarRequested = true;
      await sendToBackground('odoo.openSidebar', {}).catch((error: unknown) => {
        sidebarRequested = false;
        console.warn('Support Overlay: the sidebar could not be loaded.', error);
      });
    };
    ctx.addEventListener(window, 'wxt:locationchange', (event) => void follow(event.newUrl.href));
    void follow(location.href);
  },
});
