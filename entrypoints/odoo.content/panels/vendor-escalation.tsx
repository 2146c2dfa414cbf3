/**
 * 3rd line: escalation to a vendor (e.g. Invers). A message drafted from the ticket's facts, edited,
 * then copied or mailed by the engineer; logged on the ticket as a note and the ticket moved to the
 * 3rd line stage (waiting on the vendor; Odoo sends no customer email there).
 */
import { useMemo, useState } from 'react';
import type { PanelProps, SidebarPanel } from '../panels';
import { ErrorNotice } from '@/components/ErrorNotice';
import { OdooFailure } from '../OdooFailure';
import { htmlToPlainText } from '@/lib/odoo/email-preview';
import { OdooError } from '@/lib/odoo/rpc';
import { changeTicket } from '@/lib/odoo/ticket-actions';
import type { Ticket } from '@/lib/odoo/helpdesk';
import { processStageForOdooName } from '@/lib/support-process/stage-mapping';
import { STAR_MEANING, starsFromOdooPriority } from '@/lib/support-process/priority';

export function escalationDraft(ticket: Ticket, vendor: string): { subject: string; body: string } {
  const reference = ticket.ref ?? String(ticket.id);
  const stars = starsFromOdooPriority(ticket.priority);
  return {
    subject: `[TMF support ${reference}] ${ticket.name}`,
    body: [
      `Hello ${vendor || 'vendor'} support,`,
      '',
      'We need your help with a case one of our members reported.',
      '',
      `Our reference: ${reference}`,
      `Subject: ${ticket.name}`,
      `Member / partner: ${ticket.customer?.name ?? 'unknown'}`,
      `Urgency: ${stars ? STAR_MEANING[stars] : 'not assessed yet'}`,
      '',
      'What the member wrote:',
      htmlToPlainText(ticket.descriptionHtml) || '(no description)',
      '',
      'Could you look into it and tell us what you find? Please keep our reference in your answer.',
      '',
      'Kind regards,',
      'TMF Support',
    ].join('\n'),
  };
}

function VendorEscalation({ ticket, rpc, facts, stages, settings, afterChange }: PanelProps) {
  const [vendor, setVendor] = useState('Invers');
  const [vendorEmail, setVendorEmail] = useState('');
  const initial = useMemo(() => escalationDraft(ticket, 'Invers'), [ticket]);
  const [subject, setSubject] = useState(initial.subject);
  const [body, setBody] = useState(initial.body);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const thirdLine = stages.find((stage) => processStageForOdooName(stage.name, settings.stageMapping) === 'third-line');
  const mailto = `mailto:${encodeURIComponent(vendorEmail.trim())}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;

  const copy = async () => {
    setError(null);
    try {
      await navigator.clipboard.writeText(`${subject}\n\n${body}`);
      setCopied(true);
    } catch {
      setError(new Error('The browser did not allow copying: select the text and copy it yourself.'));
    }
  };

  const logAndMove = async () => {
    setBusy(true);
    setError(null);
    try {
      const note = `Support Overlay: escalated to ${vendor.trim() || 'the vendor'}${vendorEmail.trim() ? ` (${vendorEmail.trim()})` : ''}.\n\n${subject}\n\n${body}`;
      if (!thirdLine) throw new Error(`The team has no stage mapped to “3rd line” (${settings.stageMapping['third-line']}): map it in the settings.`);
      const outcome = await changeTicket({ rpc, flavour: facts.flavour, version: facts.version }, ticket, stages, { stage: thirdLine }, note);
      if (outcome.kind !== 'changed') throw new Error('A colleague changed the ticket meanwhile: nothing was changed. Look at the ticket again.');
      afterChange(`Escalation to ${vendor.trim() || 'the vendor'} logged; ticket in ${thirdLine.name}.`, outcome.ticket);
    } catch (e) {
      setError(e); // the drafted text stays as edited
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <label className="so-field">
        Vendor
        <input
          value={vendor}
          onChange={(event) => {
            const next = event.target.value;
            // Until the engineer edits the text, the greeting follows the vendor.
            if (body === escalationDraft(ticket, vendor).body) setBody(escalationDraft(ticket, next).body);
            setVendor(next);
          }}
        />
      </label>
      <label className="so-field">
        Vendor’s support address (optional)
        <input type="email" value={vendorEmail} onChange={(event) => setVendorEmail(event.target.value)} />
      </label>
      <label className="so-field">
        Subject
        <input value={subject} onChange={(event) => setSubject(event.target.value)} />
      </label>
      <label className="so-field">
        Message
        <textarea rows={10} value={body} onChange={(event) => setBody(event.target.value)} />
      </label>
      <div className="so-actions">
        <button type="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <a className="so-button" href={mailto}>
          Write the email
        </a>
        {ticket.stage?.id !== thirdLine?.id && (
          <button type="button" className="so-primary" disabled={busy} onClick={() => void logAndMove()}>
            {busy ? 'Logging…' : `Log it and move to ${thirdLine?.name ?? '3rd line'}`}
          </button>
        )}
      </div>
      {error !== null && (error instanceof Error && !(error instanceof OdooError) ? <ErrorNotice message={error.message} /> : <OdooFailure error={error} />)}
    </div>
  );
}

export const vendorEscalationPanel: SidebarPanel = {
  id: 'vendor-escalation',
  title: '3rd line: escalate to a vendor',
  appliesTo: (stage) => stage === 'second-line' || stage === 'third-line',
  Component: VendorEscalation,
};
