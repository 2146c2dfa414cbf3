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
import { stageMovesPanel } from './panels/stage-moves';
import { triagePanel } from './panels/triage';
import { askColleaguePanel } from './panels/ask-colleague';
import { offerPanel } from './panels/offer';
import { notesPanel } from './panels/notes';
import { processCheckPanel } from './panels/process-check';
import { incidentWizardPanel } from './panels/incident-wizard';
import { linkedIssuesPanel } from './panels/linked-issues';
import { secondLineGitLabPanel } from './panels/second-line-gitlab';
import { vendorEscalationPanel } from './panels/vendor-escalation';
import { startStatusPlaybookPanel } from './panels/start-status-playbook';

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
  /**
   * After the panel changed the ticket in Odoo: makes the Odoo form show it (reloads the page when
   * the form has no unsaved edits, otherwise asks first) and tells the engineer `done`.
   * `ticket` is the ticket as re-read after the change, when the panel has it.
   */
  afterChange(done: string, ticket?: Ticket | null): void;
}

export interface SidebarPanel {
  id: string;
  /** Heading shown above the panel. */
  title: string;
  appliesTo(processStage: ProcessStageId | null, ticket: Ticket): boolean;
  Component: ComponentType<PanelProps>;
}

export const SIDEBAR_PANELS: readonly SidebarPanel[] = [
  stageMovesPanel,
  triagePanel,
  askColleaguePanel,
  offerPanel,
  notesPanel,
  processCheckPanel,
  incidentWizardPanel,
  secondLineGitLabPanel,
  vendorEscalationPanel,
  linkedIssuesPanel,
  startStatusPlaybookPanel,
];
