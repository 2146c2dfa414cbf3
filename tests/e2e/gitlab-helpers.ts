/** Shared steps of the GitLab e2e specs: open a ticket, find the wizard, read what GitLab and Odoo recorded. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import type { Sandbox } from '../sandbox/index.ts';
import { SANDBOX_STAGES, SANDBOX_TICKETS } from '../sandbox/odoo/server.ts';

/** 1st line ticket: "Booking calendar shows the car as available during its maintenance" (known bug tmf/bugs#4). */
export const TICKET = SANDBOX_TICKETS.firstLineTicket;

export async function openTicket(page: Page, sandbox: Sandbox, ticketId: number = TICKET) {
  await page.goto(sandbox.odoo.ticketUrl(ticketId, 'path'));
  const sidebar = page.getByRole('complementary', { name: 'Support Overlay' });
  const wizard = sidebar.getByRole('region', { name: 'Incident → GitLab' });
  const linked = sidebar.getByRole('region', { name: 'Linked GitLab issues' });
  return { sidebar, wizard, linked };
}

export function ticketStage(sandbox: Sandbox, ticketId: number = TICKET): unknown {
  return sandbox.odoo.ticket(ticketId)?.['stage_id'];
}

/** The ticket moved to "1st line: incident", Odoo sent its email, and a note links the issue. */
export async function expectTicketLoggedIn(sandbox: Sandbox, issueUrl: string, ticketId: number = TICKET) {
  await expect.poll(() => ticketStage(sandbox, ticketId)).toBe(SANDBOX_STAGES.firstLineIncident);
  const emails = sandbox.odoo.sentEmails().filter((mail) => mail.ticketId === ticketId).map((mail) => mail.template);
  expect(emails).toContain('Thank you for reporting incident');
  const notes = sandbox.odoo.messages(ticketId).filter((message) => message.body.includes(`GitLab issue: ${issueUrl}`) || message.body.includes(`GitLab issue: <a href="${issueUrl}"`));
  expect(notes).toHaveLength(1);
}

/** Nothing was created in GitLab, and the ticket stayed where it was. */
export function expectNothingChanged(sandbox: Sandbox, ticketId: number = TICKET) {
  expect(sandbox.gitlab.issues('tmf/incidents')).toHaveLength(0);
  expect(sandbox.gitlab.issues('tmf/bugs')).toHaveLength(4);
  expect(ticketStage(sandbox, ticketId)).toBe(SANDBOX_STAGES.firstLine);
}
