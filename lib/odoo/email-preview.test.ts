// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { htmlToPlainText, renderEmailPreview } from './email-preview';
import type { Ticket } from './helpdesk';

const ticket: Ticket = {
  id: 45, name: 'Key box <img src=x onerror="alert(1)">', ref: '45', descriptionHtml: '',
  stage: { id: 2, name: 'TRIAGE' }, team: { id: 1, name: 'Support' }, priority: '0', assignee: null,
  customer: { id: 25, name: 'Els Vermeulen' }, customerEmail: 'els@mail.example', createdAt: '2026-11-27 10:00:00',
};

describe('renderEmailPreview', () => {
  it('fills the placeholders Odoo templates use and keeps markup from the ticket as text', () => {
    const preview = renderEmailPreview(
      {
        subject: '{{ object.name }} [{{ object.ticket_ref }}] - your ticket is closed',
        bodyHtml: `<div><p>Dear <t t-out="object.partner_id.name or object.partner_name or 'member'"/>,</p><p>We closed &quot;<t t-out="object.name"/>&quot;.<br>Bye</p><script>evil()</script></div>`,
      },
      ticket,
    );
    expect(preview).toEqual({
      to: 'els@mail.example',
      subject: 'Key box <img src=x onerror="alert(1)"> [45] - your ticket is closed',
      body: 'Dear Els Vermeulen,\n\nWe closed "Key box <img src=x onerror="alert(1)">".\nBye',
    });
  });

  it('uses the fallback of an expression and the assignee chosen in the sidebar', () => {
    const preview = renderEmailPreview(
      { subject: 'x', bodyHtml: `<p><t t-out="object.user_id.name or 'A team member'"/> is on it; <t t-out="object.company_id.name"/></p>` },
      ticket,
    );
    expect(preview.body).toBe('A team member is on it; …');
    expect(renderEmailPreview({ subject: 'x', bodyHtml: `<p><t t-out="object.user_id.name or 'A team member'"/></p>` }, ticket, { assigneeName: 'Sofie Peeters' }).body).toBe('Sofie Peeters');
  });
});

describe('htmlToPlainText', () => {
  it('turns blocks into lines and decodes entities', () => {
    expect(htmlToPlainText('<p>a &amp; b</p><ul><li>one</li><li>two&#39;s</li></ul>')).toBe("a & b\n\none\n\ntwo's");
  });
});
