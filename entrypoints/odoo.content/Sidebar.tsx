/** The sidebar on a helpdesk ticket: header, then the stage guide for the ticket on screen. */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { TicketStore } from './ticket-store';
import { StageGuide } from './StageGuide';
import { ErrorNotice } from '@/components/ErrorNotice';
import { useSettings } from '@/components/useSettings';
import { sendToBackground } from '@/lib/messaging';
import { processStageForOdooName } from '@/lib/support-process/stage-mapping';
import type { OdooRpc } from '@/lib/odoo/rpc';
import { SIDEBAR_PANELS } from './panels';
import type { Ticket } from '@/lib/odoo/helpdesk';
import { reloadWithMessage, showChangeInOdoo, takeDoneMessage } from './after-change';

export function Sidebar({ store, rpc }: { store: TicketStore; rpc: OdooRpc }) {
  const { status, ticket, stages, facts, error, sessionExpired, ticketId, load } = useStore(store);
  const settings = useSettings((state) => state.settings);
  const { stageMapping, calendar } = settings;
  const processStage = ticket?.stage ? processStageForOdooName(ticket.stage.name, stageMapping) : null;
  const [collapsed, setCollapsed] = useState(false);
  const openSettings = () => void sendToBackground('options.open', {}).catch(() => undefined);
  // What the last change did; `unsaved` when Odoo's form holds edits and was not reloaded.
  const [done, setDone] = useState<{ ticketId: number; text: string; unsaved: boolean } | null>(null);
  const ticketOnScreen = ticket?.id ?? null;
  useEffect(() => {
    if (ticketOnScreen === null) return;
    const text = takeDoneMessage(ticketOnScreen);
    setDone(text ? { ticketId: ticketOnScreen, text, unsaved: false } : null);
  }, [ticketOnScreen]);

  const afterChange = (changed: Ticket, text: string, fresh?: Ticket | null) => {
    if (showChangeInOdoo(changed.id, text) === 'reloading') return;
    if (fresh) store.getState().setTicket(fresh);
    else void load(changed.id);
    setDone({ ticketId: changed.id, text, unsaved: true });
  };

  return (
    <aside className={`so-root so-sidebar${collapsed ? ' so-sidebar--collapsed' : ''}`} aria-label="Support Overlay">
      <div className="so-header">
        {!collapsed && <p className="so-title">Support process</p>}
        <button type="button" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)}>
          {collapsed ? 'Support ◂' : 'Hide ▸'}
        </button>
      </div>
      {!collapsed && (
        <>
          {status === 'loading' && <p className="so-muted" role="status">Loading the ticket…</p>}
          {status === 'error' && error && (
            <ErrorNotice
              message={error}
              action={
                sessionExpired
                  ? { label: 'Reload the page', run: () => location.reload() }
                  : ticketId
                    ? { label: 'Try again', run: () => void load(ticketId) }
                    : undefined
              }
            />
          )}
          {ticket && status !== 'error' && (
            <>
              <p className="so-muted" data-testid="ticket-ref">
                {ticket.ref ? `${ticket.ref} · ` : ''}
                {ticket.name}
              </p>
              {done?.ticketId === ticket.id && (
                <div className="so-done" role="status" data-testid="done-message">
                  <span>{done.text}</span>
                  {done.unsaved && (
                    <>
                      <span>
                        {' '}
                        Odoo's form has unsaved edits, so it still shows the old values: save or discard them, then reload.
                      </span>
                      <button type="button" onClick={() => reloadWithMessage(ticket.id, done.text)}>
                        Reload the page now
                      </button>
                    </>
                  )}
                </div>
              )}
              <StageGuide
                ticket={ticket}
                stages={stages}
                mapping={stageMapping}
                timeZone={calendar.timeZone}
                onOpenSettings={openSettings}
              />
              {facts &&
                SIDEBAR_PANELS.filter((panel) => panel.appliesTo(processStage, ticket)).map((panel) => (
                  <section key={`${panel.id}-${ticket.id}`} aria-label={panel.title} data-panel={panel.id}>
                    <h2 className="so-section">{panel.title}</h2>
                    <panel.Component
                      ticket={ticket}
                      stages={stages}
                      processStage={processStage}
                      facts={facts}
                      rpc={rpc}
                      settings={settings}
                      reload={() => load(ticket.id)}
                      afterChange={(text, fresh) => afterChange(ticket, text, fresh)}
                    />
                  </section>
                ))}
            </>
          )}
        </>
      )}
    </aside>
  );
}
