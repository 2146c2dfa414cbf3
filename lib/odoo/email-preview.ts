// What the customer will read when a stage move sends the stage's mail template. Odoo renders the
// template on send; for the preview its few placeholders are filled from the ticket on screen and the
// HTML is turned into plain text. The result is shown as text (React escapes it): template bodies
// and ticket subjects can carry markup, which must never reach the page as HTML.
import type { Ticket } from './helpdesk';

export interface EmailPreview {
  to: string;
  subject: string;
  /** Plain text, paragraphs separated by blank lines. */
  body: string;
}

/** What a placeholder may refer to, by Odoo expression (`object.…`). */
function ticketValues(ticket: Ticket, assigneeName: string | null): Record<string, string | null> {
  return {
    'object.name': ticket.name,
    'object.ticket_ref': ticket.ref,
    'object.number': ticket.ref,
    'object.partner_id.name': ticket.customer?.name ?? null,
    'object.partner_name': ticket.customer?.name ?? null,
    'object.partner_email': ticket.customerEmail,
    'object.user_id.name': assigneeName ?? ticket.assignee?.name ?? null,
    'object.team_id.name': ticket.team?.name ?? null,
  };
}

/**
 * Evaluates the expressions Odoo templates use for names: `a or b or 'fallback'`. An expression the
 * preview does not know stays visible as `…` rather than guessed.
 */
function evaluate(expression: string, values: Record<string, string | null>): string {
  for (const part of expression.split(/\s+or\s+/)) {
    const term = part.trim();
    const literal = /^(['"])(.*)\1$/.exec(term);
    if (literal) return literal[2] ?? '';
    if (!(term in values)) return '…';
    const value = values[term];
    if (value) return value;
  }
  return '';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return ENTITIES[lower] ?? whole;
  });
}

/** HTML → plain text the way a mail client's text part reads: blocks become lines, tags vanish. */
export function htmlToPlainText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|tr)\s*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The stage email as the customer will get it. Placeholder values are inserted as text AFTER the
 * markup is stripped, so a subject like `<img onerror=…>` stays a visible string.
 */
export function renderEmailPreview(
  template: { subject: string; bodyHtml: string },
  ticket: Ticket,
  options: { assigneeName?: string | null } = {},
): EmailPreview {
  const values = ticketValues(ticket, options.assigneeName ?? null);
  const slots: string[] = [];
  // Placeholders become private-use markers first, so their values never pass through the HTML stripping.
  const mark = (expression: string) => `\uE000${slots.push(evaluate(expression, values)) - 1}\uE001`;
  const fill = (text: string) => text.replace(/\uE000(\d+)\uE001/g, (_, i: string) => slots[Number(i)] ?? '');
  const subject = template.subject.replace(/\{\{\s*([\s\S]*?)\s*\}\}/g, (_, expression: string) => mark(expression));
  const body = template.bodyHtml
    .replace(/<t\s+t-(?:out|esc)="([^"]*)"\s*(?:\/>|>\s*<\/t>)/g, (_, expression: string) => mark(decodeEntities(expression)))
    .replace(/\{\{\s*([\s\S]*?)\s*\}\}/g, (_, expression: string) => mark(expression));
  return {
    to: ticket.customerEmail ?? '',
    subject: fill(decodeEntities(subject)).trim(),
    body: fill(htmlToPlainText(body)),
  };
}
