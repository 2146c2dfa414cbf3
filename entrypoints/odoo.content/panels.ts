/**
 * The sidebar's panels below the stage guide. Each panel is a self-contained module: a predicate saying
 * on which tickets it applies (usually by process stage) and a React component. Add a panel by adding it
 * to SIDEBAR_PANELS; `panels.test.ts` checks every panel module in ./panels/ is registered.
 */
import type { ComponentType } from 'react';
import type { OdooRpc } from '@/lib/odoo/rpc';
import type { OdooStage, Ticket } from '@/lib/odoo/helpdesk';
import type { OdooOriginFacts, Settings } from '@/lib/settings';
import type { ProcessStageId } from '@/lib/support-process/stages';

/** What every panel gets: the ticket on screen and the means to act on it. */
export interface PanelProps {
  ticket: Ticket;
  /** The ticket's team's Odoo stages. */
  stages: OdooStage[];
  /** The process stage of the ticket, null when its Odoo stage is not mapped. */
  processStage: ProcessStageId | null;
  facts: OdooOriginFacts;
  rpc: OdooRpc;
  settings: Settings;
  /** Re-reads the ticket (after a change the panel made). */
  reload(): Promise<void>;
}

export interface SidebarPanel {
  id: string;
  /** Heading shown above the panel. */
  title: string;
  appliesTo(processStage: ProcessStageId | null, ticket: Ticket): boolean;
  Component: ComponentType<PanelProps>;
}

export const SIDEBAR_PANELS: readonly SidebarPanel[] = [];
