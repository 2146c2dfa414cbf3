/**
 * GitLab issue drafts from a ticket (background only: turndown runs here, never in a content script).
 * The ticket's HTML is customer input: it becomes Markdown text, never raw HTML in GitLab. The engineer
 * sees and edits the draft before anything is created.
 */
import TurndownService from 'turndown';
import domino from '@mixmark-io/domino';
import type { Settings } from '../settings';
import { STAR_MEANING, starsFromOdooPriority } from '../support-process/priority';
import type { Severity } from '../support-process/severity';
import { DEFAULT_ISSUE_LABELS, ISSUE_KIND_PROJECT, type IssueDraft, type IssueKind, type TicketFacts } from './draft-types';

export * from './draft-types';

const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });
// Scripts, styles and images from the customer's mail stay out of GitLab (an image's URL may track).
turndown.remove(['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button']);
turndown.addRule('no-images', { filter: 'img', replacement: () => '' });
// Links keep their text; only http(s) and mailto targets survive.
turndown.addRule('safe-links', {
  filter: 'a',
  replacement: (content, node) => {
    const href = (node as HTMLElement).getAttribute('href') ?? '';
    return /^(https?:|mailto:)/i.test(href) ? `[${content}](${href})` : content;
  },
});

/** Ticket HTML → Markdown text. */
export function ticketHtmlToMarkdown(html: string): string {
  if (!html.trim()) return '';
  const document = domino.createDocument(`<body>${html}</body>`);
  // Markdown passes HTML through: whatever is left as a tag is escaped by escaping '<'.
  return turndown.turndown(document.body).replace(/</g, '\\<').trim();
}

function priorityText(priority: string): string {
  const stars = starsFromOdooPriority(priority);
  return stars ? `${'★'.repeat(stars)} (${STAR_MEANING[stars]})` : 'not assessed yet';
}

const KIND_TITLE_PREFIX: Readonly<Record<IssueKind, string>> = {
  'bug-report': '',
  incident: '',
  need: '',
  'script-to-fix': 'Script to fix: ',
};

/** Line that marks an issue as made from this ticket: the workflow finds it again by searching it. */
export function ticketMarker(ticket: Pick<TicketFacts, 'url'>): string {
  return `Odoo ticket: ${ticket.url}`;
}

export function draftIssue(kind: IssueKind, ticket: TicketFacts, settings: Settings, severity?: Severity): IssueDraft {
  const project = settings.gitlab.projects[ISSUE_KIND_PROJECT[kind]];
  const reference = ticket.ref ? `${ticket.ref} ` : `#${ticket.id} `;
  const labels = [...(settings.gitlab.labels?.[kind] ?? DEFAULT_ISSUE_LABELS[kind])];
  // Odoo shows a contact as "Company, Contact": the member is the company; GitLab labels cannot hold commas.
  if (kind === 'need' && ticket.customer) labels.push(ticket.customer.split(',')[0]!.trim());
  const facts = [
    `**Ticket:** [${reference.trim()}](${ticket.url}) ${ticket.name}`,
    `**Member / partner:** ${ticket.customer ?? 'unknown'}`,
    `**Reported by:** ${ticket.customerEmail ?? ticket.customer ?? 'unknown'}`,
    `**Priority:** ${priorityText(ticket.priority)}`,
    ...(ticket.team ? [`**Helpdesk team:** ${ticket.team}`] : []),
  ];
  const body = ticketHtmlToMarkdown(ticket.descriptionHtml);
  const description = [
    facts.map((line) => `- ${line}`).join('\n'),
    '## What the customer wrote',
    body || '_The ticket has no description._',
    '---',
    `_${ticketMarker(ticket)}_`,
  ].join('\n\n');
  return {
    kind,
    project,
    title: `${KIND_TITLE_PREFIX[kind]}${ticket.name}`.slice(0, 255),
    description,
    labels: [...new Set(labels)],
    confidential: true, // customer data: confidential unless the engineer says otherwise
    ...(kind === 'incident' && severity ? { severity } : {}),
  };
}

const STOP_WORDS = new Set(
  'the and for with this that from have has had not but are was were you your our can could would should will there their they them when what which who why how all any into onto over under than then also just only very been being does did doing about after before again still more most some such here where while because please thanks thank hello dear regards kind best hi'.split(' '),
);

/** Words to search known bugs with: from the ticket's title, then its description; no stop words. */
export function searchWords(ticket: Pick<TicketFacts, 'name' | 'descriptionHtml'>, max = 4): string[] {
  const text = `${ticket.name} ${ticketHtmlToMarkdown(ticket.descriptionHtml)}`.toLowerCase();
  const words: string[] = [];
  for (const word of text.match(/[\p{L}\p{N}][\p{L}\p{N}-]{3,}/gu) ?? []) {
    if (STOP_WORDS.has(word) || /^\d+$/.test(word) || words.includes(word)) continue;
    words.push(word);
    if (words.length === max) break;
  }
  return words;
}
