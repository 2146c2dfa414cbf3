/**
 * The sidebar bundle, injected by the background once a ticket form is rendered (lib/odoo/sidebar-injection.ts),
 * so that none of it competes with Odoo's first render. On a helpdesk ticket form it mounts the sidebar in a
 * shadow root, and follows Odoo's in-page navigation (pushState) both ways.
 * Odoo calls run here, same-origin, with the engineer's own session cookie.
 */
import type { ContentScriptContext } from '#imports';
import { ticketFromUrl } from '@/lib/odoo/ticket-url';
import { createTicketPageCheck } from '@/lib/odoo/ticket-page';
import { companyIdsFromPage, createOdooRpc } from '@/lib/odoo/rpc';
import { findTicketForm } from '@/lib/odoo/selectors';
import { isOdooOrigin } from '@/lib/configured-origins';
import { odooActionModelsItem } from '@/lib/settings';
import { waitForElement } from '@/lib/wait-for-element';
import { listenInContent } from '@/lib/messaging';
import { followSettings, useSettings } from '@/components/useSettings';
import { mountInShadowRoot, type ShadowUi } from '@/components/shadow-ui';
import { createTicketStore } from './ticket-store';
import { Sidebar } from './Sidebar';
import { followWorkflowSteps } from './workflow-steps';

export default defineContentScript({
  matches: [],
  registration: 'runtime',
  async main(ctx: ContentScriptContext) {
    // The background asks before injecting: one sidebar per document, however often the tab updates.
    // Answered from the first moment, before any await, so that a quick second update cannot inject twice.
    ctx.onInvalidated(listenInContent({ 'odoo.sidebarPresent': async () => true }));
    await followSettings();
    if (!isOdooOrigin(useSettings.getState().settings, location.origin)) return;

    // The companies selected in the web client go with every call, as Odoo's own client sends them.
    const rpc = createOdooRpc({
      origin: location.origin,
      context: () => ({ allowed_company_ids: companyIdsFromPage(location.href, document.cookie) }),
    });

    const store = createTicketStore(rpc, location.origin);
    const isTicketPage = createTicketPageCheck(rpc, {
      recall: async (key) => (await odooActionModelsItem.getValue())[location.origin]?.[key],
      async remember(key, model) {
        const all = await odooActionModelsItem.getValue();
        await odooActionModelsItem.setValue({ ...all, [location.origin]: { ...all[location.origin], [key]: model } });
      },
    });
    // GitLab workflows: their Odoo steps run in this tab (relayed by the background).
    ctx.onInvalidated(followWorkflowSteps(store, rpc));
    let ui: ShadowUi | null = null;
    let pending: AbortController | null = null;

    const follow = async (url: string) => {
      pending?.abort();
      const current = (pending = new AbortController());
      const target = ticketFromUrl(url);
      const unmount = () => {
        ui?.remove();
        ui = null;
        store.getState().clear();
      };
      if (!target) return unmount();
      // Mount after the form is there: never compete with Odoo's own first render. A URL that does
      // not name the model is confirmed by the action that opened the record.
      const [form, ticketPage] = await Promise.all([
        waitForElement(() => findTicketForm(document), current.signal),
        isTicketPage(url).catch(() => true), // Odoo unreachable: the ticket load below says why
      ]);
      if (current.signal.aborted) return;
      if (!ticketPage) return unmount();
      if (!form) return;
      if (!ui) {
        ui = mountInShadowRoot(ctx, 'support-overlay-sidebar', <Sidebar store={store} rpc={rpc} />);
      }
      void store.getState().load(target.id);
    };

    ctx.addEventListener(window, 'wxt:locationchange', (event) => void follow(event.newUrl.href));
    void follow(location.href);
  },
});
