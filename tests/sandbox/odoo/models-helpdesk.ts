// helpdesk.* models: Enterprise `helpdesk` and OCA `helpdesk_mgmt` (field names and labels as in each module).
import { bool, char, datetime, define, html, idList, int, m2m, m2o, many2oneId, o2m, related, selection, inverse, threadActivities, threadMessages } from './fields.ts';
import type { FieldDef, ModelDef, OdooVersion } from './models.ts';

const STAGE_TEMPLATE_HELP_ENTERPRISE =
  'Email automatically sent to the customer when the ticket reaches this stage.\n' +
  'By default, the email will be sent from the email alias of the helpdesk team.\n' +
  "Otherwise it will be sent from the company's email address, or from the catchall (as defined in the System Parameters).";

export function enterpriseHelpdesk(version: OdooVersion, salesInstalled: boolean): ModelDef[] {
  const ticketFields: Record<string, FieldDef> = {
    name: char('Subject', { required: true }),
    team_id: m2o('helpdesk.team', 'Helpdesk Team', { tracking: true }),
    description: html('Description'),
    active: bool('Active', { default: true }),
    ticket_ref: char('Ticket IDs Sequence', { readonly: true }),
    tag_ids: m2m('helpdesk.tag', 'Tags'),
    company_id: m2o('res.company', 'Company', { default: 1 }),
    color: int('Color Index'),
    kanban_state: selection('Status', [['normal', 'Grey'], ['done', 'Green'], ['blocked', 'Red']], { required: true, default: 'normal' }),
    user_id: m2o('res.users', 'Assigned to', { tracking: true, depends: ['team_id'], domain: "[('id', 'in', domain_user_ids)]" }),
    domain_user_ids: m2m('res.users', 'Domain User', {
      depends: ['team_id'],
      compute: (r, db) => idList(related(db, 'helpdesk.team', r['team_id'], 'member_ids')),
    }),
    partner_id: m2o('res.partner', 'Customer', { tracking: true }),
    partner_name: char('Customer Name'),
    partner_email: char('Customer Email', { help: "Email address of the customer" }),
    partner_phone: char('Customer Phone'),
    priority: selection('Priority', [['0', 'Low priority'], ['1', 'Medium priority'], ['2', 'High priority'], ['3', 'Urgent']], { default: '0' }),
    stage_id: m2o('helpdesk.stage', 'Stage', { tracking: true, depends: ['team_id'], domain: "[('team_ids', '=', team_id)]" }),
    date_last_stage_update: datetime('Last Stage Update', { readonly: true }),
    assign_date: datetime('First assignment date'),
    close_date: datetime('Close date'),
    activity_ids: o2m('mail.activity', 'Activities', (r, db) => threadActivities(db, 'helpdesk.ticket', r.id)),
    message_ids: o2m('mail.message', 'Messages', (r, db) => threadMessages(db, 'helpdesk.ticket', r.id)),
  };
  if (salesInstalled) ticketFields['sale_order_id'] = m2o('sale.order', 'Ref. Sales Order', { help: 'Reference of the Sales Order to which this ticket refers.' });

  return [
    define(version, {
      name: 'helpdesk.ticket', description: 'Helpdesk Ticket', order: 'priority desc, id desc', fields: ticketFields,
      displayName: (r) => `${String(r['name'] ?? '')} (#${String(r['ticket_ref'] ?? r.id)})`,
    }),
    define(version, {
      name: 'helpdesk.stage', description: 'Helpdesk Stage', order: 'sequence, id',
      fields: {
        name: char('Stage Name', { required: true }),
        description: { type: 'text', string: 'Description' },
        sequence: int('Sequence', { default: 10 }),
        fold: bool('Folded in Kanban', { help: 'Tickets in a folded stage are considered as closed.' }),
        team_ids: m2m('helpdesk.team', 'Helpdesk Teams'),
        template_id: m2o('mail.template', 'Email Template', { help: STAGE_TEMPLATE_HELP_ENTERPRISE, domain: "[('model', '=', 'helpdesk.ticket')]" }),
        active: bool('Active', { default: true }),
      },
    }),
    define(version, {
      name: 'helpdesk.team', description: 'Helpdesk Team', order: 'sequence, id',
      fields: {
        name: char('Helpdesk Team', { required: true }),
        sequence: int('Sequence', { default: 10 }),
        active: bool('Active', { default: true }),
        company_id: m2o('res.company', 'Company', { default: 1 }),
        stage_ids: m2m('helpdesk.stage', 'Stages', { compute: (r, db) => inverse(db, 'helpdesk.stage', 'team_ids', r.id) }),
        member_ids: m2m('res.users', 'Team Members'),
        use_sla: bool('SLA Policies'),
        resource_calendar_id: m2o('resource.calendar', 'Working Hours', { default: 1 }),
      },
    }),
    define(version, {
      name: 'helpdesk.tag', description: 'Helpdesk Tags', order: 'name',
      fields: { name: char('Tag Name', { required: true }), color: int('Color') },
    }),
  ];
}

export function ocaHelpdesk(version: OdooVersion): ModelDef[] {
  return [
    define(version, {
      name: 'helpdesk.ticket', description: 'Helpdesk Ticket', order: 'priority desc, sequence, number desc, id desc',
      fields: {
        number: char('Ticket number', { readonly: true }),
        name: char('Title', { required: true }),
        description: html('Description', { required: true }),
        user_id: m2o('res.users', 'Assigned user', { tracking: true, depends: ['team_id'], domain: "team_id and [('share', '=', False),('id', 'in', user_ids)] or [('share', '=', False)]" }),
        user_ids: m2m('res.users', 'Users', {
          readonly: true, depends: ['team_id'],
          compute: (r, db) => idList(related(db, 'helpdesk.ticket.team', r['team_id'], 'user_ids')),
        }),
        stage_id: m2o('helpdesk.ticket.stage', 'Stage', { tracking: true, depends: ['team_id'], domain: "['|',('team_ids', '=', team_id),('team_ids','=',False)]" }),
        partner_id: m2o('res.partner', 'Contact'),
        commercial_partner_id: m2o('res.partner', 'Commercial Partner', {
          readonly: true,
          compute: (r, db) => { const parent = related(db, 'res.partner', r['partner_id'], 'parent_id'); return parent === false ? many2oneId(r['partner_id']) : parent; },
        }),
        partner_name: char('Partner Name'),
        partner_email: char('Email'),
        last_stage_update: datetime('Last Stage Update'),
        assigned_date: datetime('Assigned Date'),
        closed_date: datetime('Closed Date'),
        closed: bool('Closed', { readonly: true, compute: (r, db) => related(db, 'helpdesk.ticket.stage', r['stage_id'], 'closed') }),
        unattended: bool('Unattended', { readonly: true, compute: (r, db) => related(db, 'helpdesk.ticket.stage', r['stage_id'], 'unattended') }),
        tag_ids: m2m('helpdesk.ticket.tag', 'Tags'),
        company_id: m2o('res.company', 'Company', { required: true, default: 1 }),
        channel_id: m2o('helpdesk.ticket.channel', 'Channel', { help: 'Channel indicates where the source of a ticketcomes from (it could be a phone call, an email...)' }),
        category_id: m2o('helpdesk.ticket.category', 'Category'),
        team_id: m2o('helpdesk.ticket.team', 'Team', { tracking: true }),
        priority: selection('Priority', [['0', 'Low'], ['1', 'Medium'], ['2', 'High'], ['3', 'Very High']], { default: '1' }),
        color: int('Color Index'),
        kanban_state: selection('Kanban State', [['normal', 'Default'], ['done', 'Ready for next stage'], ['blocked', 'Blocked']], { default: 'normal' }),
        sequence: int('Sequence', { help: 'Gives the sequence order when displaying a list of tickets.', default: 10 }),
        active: bool('Active', { default: true }),
        email_cc: char('Email cc'),
        activity_ids: o2m('mail.activity', 'Activities', (r, db) => threadActivities(db, 'helpdesk.ticket', r.id)),
        message_ids: o2m('mail.message', 'Messages', (r, db) => threadMessages(db, 'helpdesk.ticket', r.id)),
      },
      displayName: (r) => `${String(r['number'] ?? '')} - ${String(r['name'] ?? '')}`,
    }),
    define(version, {
      name: 'helpdesk.ticket.stage', description: 'Helpdesk Ticket Stage', order: 'sequence, id',
      fields: {
        name: char('Stage Name', { required: true }),
        description: html('Description'),
        sequence: int('Sequence', { default: 1 }),
        active: bool('Active', { default: true }),
        unattended: bool('Unattended'),
        closed: bool('Closed'),
        mail_template_id: m2o('mail.template', 'Email Template', {
          help: 'If set an email will be sent to the customer when the ticketreaches this step.',
          domain: "[('model', '=', 'helpdesk.ticket')]",
        }),
        fold: bool('Folded in Kanban', { help: 'This stage is folded in the kanban view when there are no records in that stage to display.' }),
        company_id: m2o('res.company', 'Company', { default: 1 }),
        team_ids: m2m('helpdesk.ticket.team', 'Helpdesk Teams'),
      },
    }),
    define(version, {
      name: 'helpdesk.ticket.team', description: 'Helpdesk Ticket Team', order: 'sequence, id',
      fields: {
        name: char('Name', { required: true }),
        sequence: int('Sequence', { default: 10 }),
        active: bool('Active', { default: true }),
        user_ids: m2m('res.users', 'Members'),
        company_id: m2o('res.company', 'Company', { default: 1 }),
        color: int('Color Index'),
      },
    }),
    ...(['helpdesk.ticket.tag', 'helpdesk.ticket.channel', 'helpdesk.ticket.category'] as const).map((name) =>
      define(version, {
        name, description: name === 'helpdesk.ticket.tag' ? 'Helpdesk Ticket Tag' : name === 'helpdesk.ticket.channel' ? 'Helpdesk Ticket Channel' : 'Helpdesk Ticket Category',
        order: 'name', fields: { name: char('Name', { required: true }), active: bool('Active', { default: true }) },
      }),
    ),
  ];
}

