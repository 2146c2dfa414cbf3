// Base models the helpdesk leans on: contacts, users, company, mail (messages, templates, activities), sales.
import type { Database } from './database.ts';
import { bool, char, datetime, define, html, int, inverse, m2m, m2o, many2oneId, o2m, related, selection } from './fields.ts';
import type { ModelDef, OdooVersion, StoredRecord } from './models.ts';

export function baseModels(version: OdooVersion): ModelDef[] {
  const messageTypes: Array<[string, string]> = [
    ['email', 'Email'], ['comment', 'Comment'], ['notification', 'System notification'], ['user_notification', 'User Specific Notification'],
  ];
  if (version >= 17) messageTypes.push(['auto_comment', 'Automated Targeted Notification'], ['email_outgoing', 'Outgoing Email']);

  return [
    define(version, {
      name: 'res.partner', description: 'Contact', order: 'complete_name ASC, id DESC',
      fields: {
        name: char('Name'),
        complete_name: char('Complete Name', { compute: (r, db) => partnerName(r, db) }),
        email: char('Email'),
        phone: char('Phone'),
        is_company: bool('Is a Company'),
        parent_id: m2o('res.partner', 'Related Company'),
        company_id: m2o('res.company', 'Company'),
        active: bool('Active', { default: true }),
      },
      displayName: (r, db) => partnerName(r, db),
    }),
    define(version, {
      name: 'res.users', description: 'User', order: 'name, login',
      fields: {
        name: char('Name', { compute: (r, db) => related(db, 'res.partner', r['partner_id'], 'name') }),
        login: char('Login', { required: true }),
        partner_id: m2o('res.partner', 'Related Partner', { required: true }),
        email: char('Email', { compute: (r, db) => related(db, 'res.partner', r['partner_id'], 'email') }),
        share: bool('Share User', { readonly: true }),
        active: bool('Active', { default: true }),
        company_id: m2o('res.company', 'Company', { default: 1 }),
        company_ids: m2m('res.company', 'Companies', { default: () => [1] }),
        tz: selection('Timezone', [['Europe/Brussels', 'Europe/Brussels'], ['UTC', 'UTC']], { default: 'Europe/Brussels' }),
      },
      displayName: (r, db) => String(related(db, 'res.partner', r['partner_id'], 'name') || ''),
    }),
    define(version, {
      name: 'res.company', description: 'Companies', order: 'sequence, name',
      fields: { name: char('Company Name', { required: true }), partner_id: m2o('res.partner', 'Partner'), sequence: int('Sequence') },
    }),
    define(version, {
      name: 'resource.calendar', description: 'Resource Working Time', order: 'id',
      fields: { name: char('Name', { required: true }), tz: char('Timezone'), hours_per_day: { type: 'float', string: 'Average Hour per Day' } },
    }),
    define(version, {
      name: 'mail.template', description: 'Email Templates', order: 'name',
      fields: {
        name: char('Name'),
        model: char('Related Document Model'),
        subject: char('Subject'),
        body_html: html('Body'),
        email_from: char('From'),
        email_to: char('To (Emails)'),
        partner_to: char('To (Partners)'),
        lang: char('Language'),
        auto_delete: bool('Auto Delete', { default: true }),
        use_default_to: bool('Default recipients'),
      },
    }),
    define(version, {
      name: 'mail.message.subtype', description: 'Message subtypes', order: 'sequence, id',
      fields: { name: char('Message Type'), internal: bool('Internal Only'), sequence: int('Sequence') },
    }),
    define(version, {
      name: 'mail.message', description: 'Message', order: 'id desc',
      fields: {
        subject: char('Subject'),
        date: datetime('Date'),
        body: html('Contents'),
        model: char('Related Document Model'),
        res_id: { type: 'many2one_reference', string: 'Related Document ID' },
        record_name: char('Message Record Name', { compute: (r, db) => (typeof r['model'] === 'string' && typeof r['res_id'] === 'number' && db.find(r['model'], r['res_id']) ? db.displayName(r['model'], r['res_id']) : false) }),
        message_type: selection('Type', messageTypes, { required: true, default: 'email' }),
        subtype_id: m2o('mail.message.subtype', 'Subtype'),
        author_id: m2o('res.partner', 'Author'),
        email_from: char('From'),
        partner_ids: m2m('res.partner', 'Recipients'),
        tracking_value_ids: o2m('mail.tracking.value', 'Tracking values', (r, db) => inverse(db, 'mail.tracking.value', 'mail_message_id', r.id)),
      },
      displayName: (r) => String(r['subject'] || r['record_name'] || `Message ${r.id}`),
    }),
    define(version, {
      name: 'mail.tracking.value', description: 'Mail Tracking Value', order: 'id',
      fields: {
        field_desc: char('Field Description'),
        field_type: char('Field Type'),
        old_value_integer: int('Old Value Integer'),
        old_value_char: char('Old Value Char'),
        new_value_integer: int('New Value Integer'),
        new_value_char: char('New Value Char'),
        mail_message_id: m2o('mail.message', 'Message ID', { required: true }),
      },
      displayName: (r) => String(r['field_desc'] ?? ''),
    }),
    define(version, {
      name: 'mail.activity.type', description: 'Activity Type', order: 'sequence, id',
      fields: { name: char('Name'), sequence: int('Sequence'), delay_count: int('Schedule') },
    }),
    define(version, {
      name: 'mail.activity', description: 'Activity', order: 'date_deadline ASC, id ASC',
      fields: {
        res_model: char('Related Document Model'),
        res_id: { type: 'many2one_reference', string: 'Related Document ID' },
        res_name: char('Document Name', { compute: (r, db) => (typeof r['res_model'] === 'string' && typeof r['res_id'] === 'number' && db.find(r['res_model'], r['res_id']) ? db.displayName(r['res_model'], r['res_id']) : false) }),
        activity_type_id: m2o('mail.activity.type', 'Activity Type'),
        summary: char('Summary'),
        note: html('Note'),
        date_deadline: { type: 'date', string: 'Due Date', required: true },
        user_id: m2o('res.users', 'Assigned to'),
        state: selection('State', [['overdue', 'Overdue'], ['today', 'Today'], ['planned', 'Planned']], {
          compute: (r, db) => activityState(String(r['date_deadline'] ?? ''), db.today()),
        }),
      },
      displayName: (r, db) => String(r['summary'] || related(db, 'mail.activity.type', r['activity_type_id'], 'name') || ''),
    }),
  ];
}

export function salesModels(version: OdooVersion): ModelDef[] {
  const states: Array<[string, string]> = [['draft', 'Quotation'], ['sent', 'Quotation Sent'], ['sale', 'Sales Order']];
  if (version === 16) states.push(['done', 'Locked']);
  states.push(['cancel', 'Cancelled']);
  return [
    define(version, {
      name: 'sale.order', description: 'Sales Order', order: 'date_order desc, id desc',
      fields: {
        name: char('Order Reference', { required: true, readonly: true }),
        partner_id: m2o('res.partner', 'Customer', { required: true }),
        origin: char('Source Document', { help: 'Reference of the document that generated this sales order request' }),
        client_order_ref: char('Customer Reference'),
        state: selection('Status', states, { readonly: true, default: 'draft' }),
        date_order: datetime('Order Date', { required: true, default: () => new Date().toISOString().slice(0, 19).replace('T', ' ') }),
        user_id: m2o('res.users', 'Salesperson'),
        company_id: m2o('res.company', 'Company', { required: true, default: 1 }),
        note: html('Terms and conditions'),
        amount_total: { type: 'monetary', string: 'Total', readonly: true, default: 0 },
      },
    }),
  ];
}

function partnerName(record: StoredRecord, db: Database): string {
  const own = String(record['name'] || '');
  const parent = many2oneId(record['parent_id']);
  if (parent === false) return own;
  const company = db.find('res.partner', parent);
  return company ? `${String(company['name'] || '')}, ${own}` : own;
}

function activityState(deadline: string, today: string): string {
  if (deadline < today) return 'overdue';
  return deadline === today ? 'today' : 'planned';
}

