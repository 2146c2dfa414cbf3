// @vitest-environment node
// Node, like the service worker: no DOMParser, turndown parses with domino.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../settings-schema';
import { draftIssue, searchWords, ticketHtmlToMarkdown, type TicketFacts } from './draft';

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  gitlab: { host: 'https://gitlab.example.com', projects: { bugs: 'tmf/bugs', incidents: 'tmf/incidents', integration: 'tmf/integration' } },
};

const ticket: TicketFacts = {
  id: 42,
  ref: '42',
  name: 'Could not determine the start status of this reservation',
  descriptionHtml:
    '<p>Hello,</p><p>When I tried to end my reservation I got:</p><blockquote><b>Could not determine the start status</b></blockquote><ul><li>Car: car-1234</li></ul><script>window.x=1</script><img src="https://tracker.example/p.gif" onerror="x()"><a href="javascript:alert(1)">details</a> <a href="https://status.example.com">status page</a><p>&lt;b&gt;not bold&lt;/b&gt;</p>',
  url: 'https://odoo.example.com/odoo/helpdesk/42',
  customer: 'An Claes',
  customerEmail: 'an.claes@example.com',
  priority: '2',
  team: 'Support',
};

describe('issue drafts from a ticket', () => {
  it('turns the ticket HTML into Markdown without scripts, images, unsafe links or raw HTML', () => {
    const markdown = ticketHtmlToMarkdown(ticket.descriptionHtml);
    expect(markdown).toContain('> **Could not determine the start status**');
    expect(markdown).toMatch(/^- +Car: car-1234$/m);
    expect(markdown).toContain('[status page](https://status.example.com)');
    expect(markdown).toContain('details');
    expect(markdown).not.toMatch(/javascript:|window\.x|tracker\.example|<script|<img/);
    expect(markdown).toContain('\\<b>not bold\\</b>'); // escaped text stays text in GitLab
  });

  it('an incident: incidents project, reference, backlink, member, reporter, priority, labels, confidential, severity', () => {
    const draft = draftIssue('incident', ticket, settings, 'high');
    expect(draft).toMatchObject({ kind: 'incident', project: 'tmf/incidents', title: ticket.name, labels: ['incident', 'support'], confidential: true, severity: 'high' });
    expect(draft.description).toContain('[42](https://odoo.example.com/odoo/helpdesk/42)');
    expect(draft.description).toContain('**Member / partner:** An Claes');
    expect(draft.description).toContain('**Reported by:** an.claes@example.com');
    expect(draft.description).toContain('**Priority:** ★★ (within 1 business day)');
    expect(draft.description).toContain('Odoo ticket: https://odoo.example.com/odoo/helpdesk/42');
  });

  it('a bug report goes to the bugs project without severity; a need is labelled with the member; labels come from the settings', () => {
    expect(draftIssue('bug-report', ticket, settings, 'high')).not.toHaveProperty('severity');
    expect(draftIssue('bug-report', ticket, settings).project).toBe('tmf/bugs');
    expect(draftIssue('need', ticket, settings)).toMatchObject({ project: 'tmf/integration', labels: ['need', 'support', 'An Claes'] });
    expect(draftIssue('need', { ...ticket, customer: 'Autodelen Kempen, Mehdi El Amrani' }, settings).labels).toEqual(['need', 'support', 'Autodelen Kempen']);
    const custom = { ...settings, gitlab: { ...settings.gitlab, labels: { incident: ['customer::incident'] } } };
    expect(draftIssue('incident', ticket, custom).labels).toEqual(['customer::incident']);
  });

  it('search words come from the title first, without stop words', () => {
    expect(searchWords(ticket)).toEqual(['determine', 'start', 'status', 'reservation']);
  });
});
