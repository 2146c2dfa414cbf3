// Seed data: a car-sharing support desk (team "Support" set up like the process, team "Partners" misconfigured).
import { odooDatetime, type Database } from './database.ts';
import { sanitizeHtml } from './html.ts';
import { renderTemplate } from './mail.ts';
import type { FlavourNames, StoredValue } from './models.ts';
import { SUBTYPES, type SandboxState } from './state.ts';

export const SANDBOX_USER = { login: 'admin', password: 'admin', uid: 2, name: 'Mitchell Admin', partnerId: 3 } as const;

/** Colleagues in team "Support" (uid → login/password). Sofie is the one `moveTicketAsColleague` acts as. */
export const SANDBOX_COLLEAGUES = {
  sofie: { login: 'sofie', password: 'sofie', uid: 6, name: 'Sofie Peeters', partnerId: 7 },
  jonas: { login: 'jonas', password: 'jonas', uid: 7, name: 'Jonas Maes', partnerId: 8 },
  lotte: { login: 'lotte', password: 'lotte', uid: 8, name: 'Lotte Janssens', partnerId: 9 },
} as const;

export const SANDBOX_TEAMS = { support: 1, partners: 2 } as const;

/** Stage ids (same ids in both flavours). Team "Partners" has no "2nd line" and its own DONE/CANCELED. */
export const SANDBOX_STAGES = {
  new: 1, triage: 2, firstLine: 3, firstLineIncident: 4, secondLine: 5, thirdLine: 6, done: 7, canceled: 8,
  partnersDone: 9, partnersCanceled: 10,
} as const;

export const SANDBOX_TEMPLATES = {
  ticketCreated: 1, teamMemberAddressing: 2, thankYouIncident: 3, closingTicket: 4,
} as const;

/** The reservation / car named in the "Could not determine the start status" ticket. */
export const START_STATUS_CASE = { reservationId: '-Nx3kQ2aBcDeFgHiJkLm', carId: 'car-1234' } as const;

/** Set by the unsafe ticket's payload if anyone ever runs it: `window[SANDBOX_XSS_MARKER]`. */
export const SANDBOX_XSS_MARKER = '__odooSandboxXss';

export const SANDBOX_TICKETS = {
  /** NEW, team Support: "Could not determine the start status of this reservation" (START_STATUS_CASE). */
  newTicket: 42,
  startStatusTicket: 42,
  /** A second NEW ticket in team Support. */
  anotherNewTicket: 43,
  /** TRIAGE, High priority, assigned to Sofie. */
  triageTicket: 40,
  firstLineTicket: 41,
  /** 2nd line, a customer asking for an offer (sale.order), with a To-Do for Jonas. */
  secondLineTicket: 44,
  /** 3rd line, Urgent, with an overdue activity. */
  thirdLineTicket: 47,
  /** DONE (closed). */
  doneTicket: 48,
  /** TRIAGE, team Support: subject and description carry `<script>` / `<img onerror>` payloads. */
  unsafeHtmlTicket: 45,
  /** NEW, team Partners (the misconfigured team). */
  partnersTeamTicket: 46,
} as const;

interface TicketSeed {
  id: number; team: number; stage: number; name: string; partner: number; user: number | false;
  priority?: '0' | '1' | '2' | '3'; hoursAgo: number; stageHoursAgo?: number; tags: number[]; description: string;
}

const XSS = `window.${SANDBOX_XSS_MARKER} = 1`;

const TICKETS: TicketSeed[] = [
  {
    id: 40, team: 1, stage: 2, name: 'Invoice shows a trip I did not make', partner: 24, user: 6, priority: '2', hoursAgo: 72, stageHoursAgo: 70, tags: [2],
    description: '<p>Hi,</p><p>My invoice for <b>October</b> lists a trip on 14/10 from 08:10 to 11:45 with the Peugeot 208 at <i>Leuven Station</i>. I was abroad that day.</p><p>Could you check and correct the invoice?</p><p>Pieter</p>',
  },
  {
    id: 41, team: 1, stage: 3, name: 'Booking calendar shows the car as available during its maintenance', partner: 27, user: 7, priority: '1', hoursAgo: 120, stageHoursAgo: 100, tags: [1, 4],
    description: '<p>Hello support,</p><p>The calendar of <u>car-3321</u> shows it as free next Tuesday, but the garage has it that day. Three members already booked it.</p><ul><li>Maintenance: Tuesday 09:00 – 17:00</li><li>Garage: Van Damme, Kessel-Lo</li></ul><p>Regards,<br>Sarah Dubois<br>Buurtauto Leuven cv</p>',
  },
  {
    id: 42, team: 1, stage: 1, name: 'Could not determine the start status of this reservation', partner: 23, user: false, hoursAgo: 2, tags: [1],
    description: `<p>Hello,</p><p>When I tried to end my reservation in the app I got this error:</p><blockquote><b>Could not determine the start status of this reservation</b></blockquote><ul><li>Reservation: <code>${START_STATUS_CASE.reservationId}</code></li><li>Car: ${START_STATUS_CASE.carId} (Toyota Yaris, Dampoort)</li></ul><p>The car is parked and locked at the Dampoort hub. Can you end the reservation for me?</p><p>Thanks,<br>An Claes</p>`,
  },
  {
    id: 43, team: 1, stage: 1, name: 'App shows the wrong fuel level for car-2087', partner: 28, user: false, hoursAgo: 0.7, tags: [4],
    description: '<p>The app says the tank of car-2087 is <b>full</b>, but the gauge in the car shows a quarter. I filled it up and attached the receipt.</p><p>Tom</p>',
  },
  {
    id: 44, team: 1, stage: 5, name: 'Quote request: a second car for our cooperative', partner: 26, user: 2, priority: '1', hoursAgo: 192, stageHoursAgo: 150, tags: [],
    description: '<p>Dear TMF team,</p><p>Autodelen Kempen would like to add a <b>second shared car</b> (electric if possible) to the platform from next month. Could you send us an offer for the onboarding and the extra cloudboxx?</p><p>Kind regards,<br>Mehdi El Amrani<br><i>Board member</i></p>',
  },
  {
    id: 45, team: 1, stage: 2, name: `Key box does not open <img src=x onerror="${XSS}">`, partner: 25, user: false, priority: '0', hoursAgo: 24, stageHoursAgo: 20, tags: [3],
    description: `<p>The key box at <b>Gent Sint-Pieters</b> does not open with my card.</p><script>${XSS}</script><p><img src="data:," onerror="${XSS}"> photo of the display</p><p><a href="javascript:${XSS}">Error details</a></p><p>Els</p>`,
  },
  {
    id: 46, team: 2, stage: 1, name: 'Reservations API returns 500 for bulk sync', partner: 31, user: false, hoursAgo: 4, tags: [],
    description: '<p>Hi,</p><p>Since this morning <code>POST /v2/reservations/bulk</code> answers <b>HTTP 500</b> for batches above 50 items. Smaller batches work.</p><p>Koen Lambrechts<br>FleetLink Integrations</p>',
  },
  {
    id: 47, team: 1, stage: 6, name: 'Cloudboxx of car-5678 stays offline after the antenna swap', partner: 24, user: 8, priority: '3', hoursAgo: 288, stageHoursAgo: 200, tags: [3],
    description: '<p>Since the antenna was replaced last week, car-5678 never shows up online. Members have to open it with Bluetooth.</p><p>Pieter Wouters</p>',
  },
  {
    id: 48, team: 1, stage: 7, name: 'How do I add a co-driver to my account?', partner: 23, user: 6, priority: '1', hoursAgo: 480, stageHoursAgo: 460, tags: [],
    description: '<p>Hi, my partner would like to drive with my subscription. How do we add her?</p><p>An</p>',
  },
];

function templateBody(lines: string[]): string {
  return `<div style="margin: 0px; padding: 0px;">${lines.map((l) => `<p style="margin: 0px 0px 12px;">${l}</p>`).join('')}<p style="margin: 0px;">Kind regards,<br>TMF Support</p></div>`;
}

function seedTemplates(db: Database, names: FlavourNames): void {
  const ref = `object.${names.ticketRef}`;
  const dear = `Dear <t t-out="object.partner_id.name or object.partner_name or 'member'"/>,`;
  const templates: Array<[number, string, string, string[]]> = [
    [1, 'Ticket created', `{{ object.name }} [{{ ${ref} }}] - we received your request`, [
      dear, `We received your support request "<t t-out="object.name"/>". Its reference is <strong><t t-out="${ref}"/></strong>.`,
      'A member of our team will read it shortly. You can answer this email to add information.',
    ]],
    [2, 'Team member is addressing your support request', `{{ object.name }} [{{ ${ref} }}] - a team member is on it`, [
      dear, `<t t-out="object.user_id.name or 'A team member'"/> is now addressing your request "<t t-out="object.name"/>" (<t t-out="${ref}"/>).`,
      'We will get back to you as soon as we know more.',
    ]],
    [3, 'Thank you for reporting incident', `{{ object.name }} [{{ ${ref} }}] - thank you for reporting this incident`, [
      dear, `Thank you for reporting the incident "<t t-out="object.name"/>" (<t t-out="${ref}"/>).`,
      'We logged it for our developers, who will investigate the cause. We close this ticket now; the fix will follow in a release.',
    ]],
    [4, 'closing ticket', `{{ object.name }} [{{ ${ref} }}] - your ticket is closed`, [
      dear, `We consider your request "<t t-out="object.name"/>" (<t t-out="${ref}"/>) resolved and closed the ticket.`,
      'If something is still not right, simply answer this email and we will reopen it.',
    ]],
  ];
  for (const [id, name, subject, lines] of templates) {
    db.insert('mail.template', {
      name, model: 'helpdesk.ticket', subject, body_html: templateBody(lines),
      email_from: '{{ (object.team_id.alias_email_from or object.company_id.email_formatted or user.email_formatted) }}',
      email_to: '{{ object.partner_email if not object.partner_id else \'\' }}', partner_to: '{{ object.partner_id.id or \'\' }}',
      lang: '{{ object.partner_id.lang or object.user_id.lang or user.lang }}', auto_delete: true,
    }, id);
  }
}

function seedStages(db: Database, names: FlavourNames): void {
  // [id, name, sequence, teams, template, fold/closed, unattended]
  const stages: Array<[number, string, number, number[], number | false, boolean, boolean]> = [
    [1, 'NEW', 1, [1, 2], 1, false, true],
    [2, 'TRIAGE', 2, [1, 2], 2, false, false],
    [3, '1st line', 3, [1, 2], false, false, false],
    [4, '1st line: incident', 4, [1, 2], 3, true, false],
    [5, '2nd line', 5, [1], false, false, false],
    [6, '3rd line', 6, [1, 2], false, false, false],
    [7, 'DONE', 7, [1], 4, true, false],
    [8, 'CANCELED', 8, [1], false, true, false],
    // Team "Partners": DONE sends the wrong template, CANCELED sends one although it must not.
    [9, 'DONE', 7, [2], 1, true, false],
    [10, 'CANCELED', 8, [2], 4, true, false],
  ];
  for (const [id, name, sequence, teams, template, closed, unattended] of stages) {
    const values: Record<string, StoredValue> = { name, sequence, team_ids: teams, fold: closed, [names.stageTemplate]: template };
    if (names.flavour === 'oca') Object.assign(values, { closed, unattended });
    db.insert(names.stage, values, id);
  }
}

function seedPeople(db: Database): void {
  const partners: Array<[number, string, string | false, number | false, boolean]> = [
    [1, 'TMF', 'support@tmf.example', false, true],
    [2, 'OdooBot', 'odoobot@example.com', false, false],
    [3, 'Mitchell Admin', 'admin@tmf.example', 1, false],
    [7, 'Sofie Peeters', 'sofie.peeters@tmf.example', 1, false],
    [8, 'Jonas Maes', 'jonas.maes@tmf.example', 1, false],
    [9, 'Lotte Janssens', 'lotte.janssens@tmf.example', 1, false],
    [20, 'Deelwagen Gent cv', 'info@deelwagen-gent.example', false, true],
    [21, 'Buurtauto Leuven cv', 'hallo@buurtauto-leuven.example', false, true],
    [22, 'Autodelen Kempen cv', 'bestuur@autodelen-kempen.example', false, true],
    [23, 'An Claes', 'an.claes@mail.example', 20, false],
    [24, 'Pieter Wouters', 'pieter.wouters@mail.example', 21, false],
    [25, 'Els Vermeulen', 'els.vermeulen@mail.example', 20, false],
    [26, 'Mehdi El Amrani', 'mehdi.elamrani@mail.example', 22, false],
    [27, 'Sarah Dubois', 'sarah.dubois@mail.example', 21, false],
    [28, 'Tom Jacobs', 'tom.jacobs@mail.example', false, false],
    [30, 'FleetLink Integrations', 'support@fleetlink.example', false, true],
    [31, 'Koen Lambrechts', 'koen@fleetlink.example', 30, false],
  ];
  for (const [id, name, email, parent, isCompany] of partners) {
    db.insert('res.partner', { name, email, parent_id: parent, is_company: isCompany, company_id: false }, id);
  }
  db.insert('res.company', { name: 'TMF', partner_id: 1, sequence: 0 }, 1);
  db.insert('resource.calendar', { name: 'Standard 40 hours/week', tz: 'Europe/Brussels', hours_per_day: 8 }, 1);
  const users: Array<[number, string, number, boolean]> = [
    [1, '__system__', 2, false], // OdooBot: an inactive user, like in every database
    [2, SANDBOX_USER.login, SANDBOX_USER.partnerId, true],
    ...Object.values(SANDBOX_COLLEAGUES).map((c): [number, string, number, boolean] => [c.uid, c.login, c.partnerId, true]),
  ];
  for (const [id, login, partner, active] of users) db.insert('res.users', { login, partner_id: partner, active, share: false }, id);

  for (const [id, name, internal, sequence] of [[1, 'Discussions', false, 0], [2, 'Note', true, 100], [3, 'Activities', false, 90], [4, 'Ticket Created', false, 0], [5, 'Stage Changed', false, 1]] as const) {
    db.insert('mail.message.subtype', { name, internal, sequence }, id);
  }
  for (const [id, name, delay] of [[1, 'Email', 0], [2, 'Call', 2], [3, 'Meeting', 0], [4, 'To Do', 5], [5, 'Upload Document', 0]] as const) {
    db.insert('mail.activity.type', { name, sequence: id, delay_count: delay }, id);
  }
}

export function seed(state: SandboxState, now: Date): void {
  const { db, names } = state;
  const at = (hoursAgo: number) => odooDatetime(new Date(now.getTime() - hoursAgo * 3_600_000));
  seedPeople(db);
  seedTemplates(db, names);

  const members = names.teamMembers;
  db.insert(names.team, { name: 'Support', sequence: 1, [members]: [2, 6, 7, 8] }, 1);
  db.insert(names.team, { name: 'Partners', sequence: 2, [members]: [2, 7] }, 2);
  seedStages(db, names);
  for (const [id, name] of [[1, 'reservation'], [2, 'billing'], [3, 'hardware'], [4, 'app']] as const) db.insert(names.tag, { name }, id);
  if (names.flavour === 'oca') {
    for (const [id, name] of [[1, 'Email'], [2, 'Phone'], [3, 'Web']] as const) db.insert('helpdesk.ticket.channel', { name }, id);
    for (const [id, name] of [[1, 'Reservations'], [2, 'Billing'], [3, 'Vehicles']] as const) db.insert('helpdesk.ticket.category', { name }, id);
  }

  for (const t of TICKETS) {
    const partner = db.find('res.partner', t.partner);
    const created = at(t.hoursAgo);
    const stageUpdate = at(t.stageHoursAgo ?? t.hoursAgo);
    const closed = t.stage === 7 || t.stage === 8 || t.stage === 4;
    const values: Record<string, StoredValue> = {
      name: t.name, description: t.description, team_id: t.team, stage_id: t.stage, user_id: t.user,
      partner_id: t.partner, partner_name: partner ? String(partner['name']) : false, partner_email: partner ? partner['email'] ?? false : false,
      priority: t.priority ?? names.defaultPriority, tag_ids: t.tags, kanban_state: 'normal',
      [names.ticketRef]: names.flavour === 'oca' ? `HT${String(t.id).padStart(5, '0')}` : String(t.id),
      [names.lastStageUpdate]: stageUpdate, [names.assignDate]: t.user === false ? false : stageUpdate,
      [names.closeDate]: closed ? stageUpdate : false,
      create_date: created, write_date: stageUpdate, create_uid: 1, write_uid: t.user === false ? 1 : t.user,
    };
    if (names.flavour === 'oca') Object.assign(values, { channel_id: 1, category_id: t.tags.includes(2) ? 2 : 1 });
    const ticket = db.insert(names.ticket, values, t.id);

    // The chatter of a ticket that came in by email: the email, "Ticket Created", the NEW stage's email.
    const message = (values: Record<string, StoredValue>) => db.insert('mail.message', { model: names.ticket, res_id: t.id, ...values });
    message({ date: created, body: sanitizeHtml(t.description), message_type: 'email', subtype_id: SUBTYPES.discussion, author_id: t.partner, email_from: partner ? String(partner['email']) : false, subject: t.name });
    message({ date: created, body: '', message_type: 'notification', subtype_id: SUBTYPES.ticketCreated, author_id: 2 });
    const createdMail = renderTemplate(state, SANDBOX_TEMPLATES.ticketCreated, { ...ticket, stage_id: 1 });
    message({ date: created, body: createdMail.bodyHtml, subject: createdMail.subject, message_type: state.version === 16 ? 'comment' : 'auto_comment', subtype_id: SUBTYPES.note, author_id: 2, partner_ids: [t.partner] });
    if (t.stage !== 1) {
      const author = t.user === false ? SANDBOX_USER.partnerId : Number(db.find('res.users', t.user)?.['partner_id'] ?? 3);
      const tracking = message({ date: stageUpdate, body: '', message_type: 'notification', subtype_id: names.flavour === 'enterprise' ? SUBTYPES.stageChanged : SUBTYPES.note, author_id: author });
      db.insert('mail.tracking.value', {
        field_desc: 'Stage', field_type: 'many2one', mail_message_id: tracking.id, old_value_integer: 1, new_value_integer: t.stage,
        old_value_char: 'NEW', new_value_char: db.displayName(names.stage, t.stage),
      });
      const template = db.find(names.stage, t.stage)?.[names.stageTemplate];
      if (typeof template === 'number') {
        const mail = renderTemplate(state, template, ticket);
        message({ date: stageUpdate, body: mail.bodyHtml, subject: mail.subject, message_type: state.version === 16 ? 'comment' : 'auto_comment', subtype_id: SUBTYPES.note, author_id: author, partner_ids: [t.partner] });
      }
    }
  }

  const dayOffset = (days: number) => new Date(Date.parse(`${db.today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  db.insert('mail.activity', { res_model: names.ticket, res_id: 44, activity_type_id: 4, summary: 'Prepare the offer for the second car', note: '<p>Include the extra cloudboxx and onboarding.</p>', date_deadline: dayOffset(2), user_id: 7, create_uid: 2, write_uid: 2 });
  db.insert('mail.activity', { res_model: names.ticket, res_id: 47, activity_type_id: 2, summary: 'Call the cloudboxx vendor about the antenna', note: false, date_deadline: dayOffset(-1), user_id: 8, create_uid: 8, write_uid: 8 });
}
