/**
 * The process check of the ticket's team: its Odoo stages and their email templates against the
 * process, with what to fix in Odoo. It uses the stages the sidebar already read (no extra call), and
 * once the engineer has seen a team's result it stays folded for that team.
 */
import { useState } from 'react';
import type { PanelProps, SidebarPanel } from '../panels';
import { checkTeamProcess } from '@/lib/odoo/process-check';

const seenTeams = new Set<number>();

function ProcessCheck({ ticket, stages, settings }: PanelProps) {
  const team = ticket.team;
  const differences = team ? checkTeamProcess(team.name, stages, settings.stageMapping) : [];
  const [open] = useState(() => (team ? !seenTeams.has(team.id) && differences.length > 0 : false));
  if (!team) return <p>This ticket has no team, so its stages cannot be checked.</p>;
  seenTeams.add(team.id);
  if (differences.length === 0) {
    return <p data-testid="process-check">The team {team.name}'s Odoo stages and emails match the support process.</p>;
  }
  return (
    <details open={open} data-testid="process-check">
      <summary>
        The team {team.name}'s Odoo setup differs from the process in {differences.length}{' '}
        {differences.length === 1 ? 'point' : 'points'}.
      </summary>
      <ul className="so-checklist">
        {differences.map((difference) => (
          <li key={`${difference.kind}-${difference.stage ?? difference.problem}`} data-kind={difference.kind}>
            {difference.problem} <span className="so-muted">Fix: {difference.fix}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

export const processCheckPanel: SidebarPanel = {
  id: 'process-check',
  title: 'Team setup',
  appliesTo: () => true,
  Component: ProcessCheck,
};
