// A tiny stand-in for Odoo's web client: renders the helpdesk ticket list and form from JSON-RPC, with the DOM
// landmarks of Odoo 16 (version 16) or 17+ (version >= 17). Served inline by pages/shell.ts; CFG is injected there.
/* global CFG */
'use strict';
(function () {
  const MODERN = CFG.version >= 17;
  const T = CFG.models.ticket;
  const manager = document.querySelector('.o_action_manager');
  let rpcSeq = 0;
  let navToken = 0;
  let form = null; // { record, draft, stages, ids, route, isNew, renderer, buttons }

  // ---- RPC ------------------------------------------------------------------------------------------
  const context = (extra) => Object.assign({ lang: 'en_US', tz: 'Europe/Brussels', uid: CFG.uid, allowed_company_ids: [1] }, extra);
  async function rpc(url, params) {
    const response = await fetch(url, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: ++rpcSeq, params }),
    });
    const body = await response.json();
    if (body.error) throw body.error;
    return body.result;
  }
  const call = (model, method, args, kwargs = {}) =>
    rpc(`/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs: Object.assign({}, kwargs, { context: context(kwargs.context) }) });

  // ---- DOM helpers ----------------------------------------------------------------------------------
  function h(tag, attrs, children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === false || value === null || value === undefined) continue;
      if (key === 'class') el.className = value;
      else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
      else if (key === 'value') el.value = value;
      else el.setAttribute(key, value === true ? '' : value);
    }
    for (const child of [].concat(children === undefined ? [] : children)) {
      if (child !== null && child !== undefined && child !== false) el.append(child instanceof Node ? child : String(child));
    }
    return el;
  }
  const DROPPED = new Set(['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'LINK', 'META', 'BASE', 'FORM', 'NOSCRIPT', 'TEMPLATE', 'FRAME', 'FRAMESET']);
  const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'background']);
  /** Odoo's html field shows sanitized HTML: parsed in an inert document, scripts and handlers dropped. */
  function safeHtml(html) {
    const doc = new DOMParser().parseFromString(`<body>${html || ''}</body>`, 'text/html');
    for (const el of [...doc.body.querySelectorAll('*')]) {
      if (DROPPED.has(el.tagName.toUpperCase())) { el.remove(); continue; }
      for (const attr of [...el.attributes]) {
        const name = attr.name.toLowerCase();
        const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (name.startsWith('on') || name === 'srcdoc' || (URL_ATTRS.has(name) && /^(javascript|vbscript|data:text\/html)/.test(value))) el.removeAttribute(attr.name);
      }
    }
    const fragment = document.createDocumentFragment();
    for (const node of [...doc.body.childNodes]) fragment.append(document.adoptNode(node));
    return fragment;
  }
  const m2oId = (v) => (Array.isArray(v) ? v[0] : v && typeof v === 'object' ? v.id : v || false);
  const m2oName = (v) => (Array.isArray(v) ? v[1] : v && typeof v === 'object' ? v.display_name : '');
  function localTime(utc) {
    if (!utc) return '';
    const d = new Date(utc.replace(' ', 'T') + 'Z');
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(d).map((p) => [p.type, p.value]));
    return `${parts.month}/${parts.day}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
  }

  // ---- routing: /web#… (hash) and /odoo/… (path) ---------------------------------------------------------
  const TICKET_ACTIONS = /^(tickets|all-tickets|my-tickets|ticket|helpdesk\.ticket|action-\d+|helpdesk)$/;
  function parseRoute() {
    const path = location.pathname.replace(/\/+$/, '');
    if (path === '/web') {
      const p = new URLSearchParams(location.hash.slice(1));
      if (CFG.version >= 18) {
        // 17.2+ turns legacy hash URLs into path URLs.
        const base = `/odoo/${p.get('action') ? `action-${p.get('action')}` : p.get('model') || 'helpdesk.ticket'}`;
        return { redirect: p.get('view_type') === 'form' ? `${base}/${p.get('id') || 'new'}` : base };
      }
      if (location.hash.length > 1 && !p.has('cids')) {
        p.set('cids', '1');
        return { redirect: `/web#${p.toString()}` };
      }
      if (p.get('model') && p.get('model') !== T) return { kind: 'unknown' };
      const view = p.get('view_type');
      if (view === 'form') return { kind: 'form', style: 'hash', params: p, id: p.get('id') ? Number(p.get('id')) : null };
      return { kind: 'list', style: 'hash', params: p };
    }
    const segments = path.split('/').slice(2);
    const last = segments[segments.length - 1];
    const isRecord = segments.length > 1 && (last === 'new' || /^\d+$/.test(last)) && TICKET_ACTIONS.test(segments[segments.length - 2]) && segments[segments.length - 2] !== 'helpdesk';
    if (isRecord) return { kind: 'form', style: 'path', listPath: `/odoo/${segments.slice(0, -1).join('/')}`, id: last === 'new' ? null : Number(last) };
    return { kind: 'list', style: 'path', listPath: path === '/odoo' || segments[segments.length - 1] === 'helpdesk' ? '/odoo/helpdesk/1/tickets' : path };
  }
  // Parameter order as the 16 web client writes them (webclient-urls.json).
  function hashUrl(route, view, id) {
    const get = (key, fallback) => route.params.get(key) || fallback;
    const cids = get('cids', '1'), menu = get('menu_id', CFG.menu), action = get('action', CFG.action);
    if (view === 'list') return `/web#action=${action}&model=${T}&view_type=list&cids=${cids}&menu_id=${menu}`;
    return `/web#${id ? `id=${id}&` : ''}cids=${cids}&menu_id=${menu}&action=${action}&model=${T}&view_type=form`;
  }
  const formUrl = (route, id) => (route.style === 'hash' ? hashUrl(route, 'form', id) : `${route.listPath}/${id}`);
  const newUrl = (route) => (route.style === 'hash' ? hashUrl(route, 'form') : `${route.listPath}/new`);
  const listUrl = (route) => (route.style === 'hash' ? hashUrl(route, 'list') : route.listPath);

  async function navigate(url, replace) {
    if (!(await saveIfDirty())) return;
    history[replace ? 'replaceState' : 'pushState']({}, '', url);
    route();
  }
  function route() {
    const r = parseRoute();
    if (r.redirect) { history.replaceState({}, '', r.redirect); route(); return; }
    const token = ++navToken;
    form = null;
    if (r.kind === 'form') showForm(r, token).catch(showError);
    else if (r.kind === 'list') showList(r, token).catch(showError);
    else manager.replaceChildren(h('div', { class: 'o_action o_view_nocontent' }, h('p', {}, 'This page does not exist in the sandbox.')));
  }
  addEventListener('popstate', route);
  addEventListener('hashchange', route);
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[data-route]');
    if (link) { event.preventDefault(); navigate(link.getAttribute('href')); }
  });

  // ---- dialogs and notifications ------------------------------------------------------------------
  const ERROR_TITLES = { 'odoo.exceptions.AccessError': 'Access Error', 'odoo.exceptions.UserError': 'User Error', 'odoo.exceptions.ValidationError': 'Validation Error', 'odoo.exceptions.MissingError': 'Missing Record' };
  function showError(error) {
    const expired = error && error.code === 100;
    const title = expired ? 'Odoo Session Expired' : ERROR_TITLES[error && error.data && error.data.name] || 'Odoo Server Error';
    const text = expired ? 'Your Odoo session expired. The current page is about to be refreshed.' : (error && error.data && error.data.message) || String(error && error.message || error);
    const close = () => { dialog.remove(); if (expired) location.reload(); };
    const dialog = h('div', { class: 'o_dialog' }, h('div', { class: 'modal d-block o_technical_modal', role: 'dialog', tabindex: '-1' },
      h('div', { class: 'modal-dialog' }, h('div', { class: 'modal-content' }, [
        h('header', { class: 'modal-header' }, h('h4', { class: 'modal-title' }, title)),
        h('main', { class: 'modal-body' }, h('p', { class: 'o_dialog_error_message', style: 'white-space: pre-wrap' }, text)),
        h('footer', { class: 'modal-footer' }, h('button', { class: 'btn btn-primary', type: 'button', onclick: close }, 'Ok')),
      ]))));
    document.body.append(dialog);
  }
  function notify(text) {
    const box = document.querySelector('.o_notification_manager') || document.body.appendChild(h('div', { class: 'o_notification_manager' }));
    const note = h('div', { class: 'o_notification border-warning', role: 'alert' }, h('div', { class: 'o_notification_body' }, h('div', { class: 'me-auto o_notification_content' }, text)));
    box.append(note);
    setTimeout(() => note.remove(), 4000);
  }

  // ---- control panel ------------------------------------------------------------------------------
  function pager(value, limit, onPrevious, onNext) {
    const icon = MODERN ? 'oi oi-chevron' : 'fa fa-chevron';
    return h('div', { class: 'o_cp_pager', role: 'search' }, h('nav', { class: 'o_pager align-items-center d-flex gap-2', 'aria-label': 'Pager' }, [
      h('span', { class: 'o_pager_counter' }, [h('span', { class: 'o_pager_value d-inline-block border-bottom border-transparent mb-n1' }, value), h('span', {}, ' / '), h('span', { class: 'o_pager_limit' }, limit)]),
      h('span', { class: 'btn-group', 'aria-atomic': 'true' }, [
        h('button', { type: 'button', class: `${icon}-left btn btn-secondary o_pager_previous px-2 rounded-start`, 'aria-label': 'Previous', 'data-tooltip': 'Previous', tabindex: '-1', 'data-hotkey': 'p', onclick: onPrevious }),
        h('button', { type: 'button', class: `${icon}-right btn btn-secondary o_pager_next px-2 rounded-end`, 'aria-label': 'Next', 'data-tooltip': 'Next', tabindex: '-1', 'data-hotkey': 'n', onclick: onNext }),
      ]),
    ]));
  }
  function statusIndicator() {
    const buttons = h('div', { class: 'o_form_status_indicator_buttons d-flex invisible' }, [
      h('button', { type: 'button', class: 'o_form_button_save btn btn-light py-0', 'data-hotkey': 's', 'data-tooltip': 'Save manually', 'aria-label': 'Save manually', onclick: () => save().catch(showError) }, h('i', { class: 'fa fa-cloud-upload fa-fw' })),
      h('button', { type: 'button', class: 'o_form_button_cancel btn btn-light py-0', 'data-hotkey': 'j', 'data-tooltip': 'Discard changes', 'aria-label': 'Discard changes', onclick: discard }, h('i', { class: 'fa fa-undo fa-fw' })),
    ]);
    return { buttons, el: h('div', { class: MODERN ? 'o_form_status_indicator d-flex align-items-center ms-1 gap-1' : 'o_form_status_indicator d-md-flex ms-md-1' }, buttons) };
  }
  function controlPanel(route, title, indicator, pagerEl) {
    const back = h('a', { href: listUrl(route), 'data-route': '' }, 'Tickets');
    const create = h('button', { type: 'button', class: 'btn btn-outline-primary o_form_button_create', 'data-hotkey': 'c', onclick: () => navigate(newUrl(route)) }, 'New');
    if (!MODERN) {
      const crumbs = [h('li', { class: 'breadcrumb-item o_back_button', 'data-hotkey': 'b' }, back)];
      if (title !== null) crumbs.push(h('li', { class: 'breadcrumb-item active d-flex align-items-center' }, [h('span', { class: 'text-truncate' }, title), indicator && indicator.el]));
      return h('div', { class: 'o_control_panel' }, h('div', { class: 'o_cp_top' }, [
        h('div', { class: 'o_cp_top_left d-flex flex-grow-1 align-items-center' }, h('ol', { class: 'breadcrumb' }, title === null ? [h('li', { class: 'breadcrumb-item active' }, 'Tickets')] : crumbs)),
        h('div', { class: 'o_cp_bottom_right w-auto flex-shrink-0 justify-content-between align-items-center' }, [pagerEl, create]),
      ]));
    }
    back.className = 'fw-bold text-truncate';
    return h('div', { class: 'o_control_panel d-flex flex-column gap-3 px-3 pt-2 pb-3', 'data-command-category': 'actions' },
      h('div', { class: 'o_control_panel_main d-flex flex-wrap flex-lg-nowrap justify-content-between align-items-lg-start gap-3 flex-grow-1' }, [
        h('div', { class: 'o_control_panel_breadcrumbs d-flex align-items-center gap-1 order-0 h-lg-100' }, [
          h('div', { class: 'o_control_panel_main_buttons d-flex gap-1 d-empty-none d-print-none' }, create),
          h('div', { class: 'o_breadcrumb d-flex flex-row flex-md-column align-self-stretch justify-content-between min-w-0' }, title === null
            ? [h('span', { class: 'min-w-0 text-truncate o_last_breadcrumb_item active' }, 'Tickets')]
            : [h('ol', { class: 'breadcrumb flex-nowrap text-nowrap small lh-sm' }, h('li', { class: 'breadcrumb-item d-inline-flex min-w-0', 'data-hotkey': 'b' }, back)),
               h('div', { class: 'd-flex gap-1 text-truncate' }, [h('div', { class: 'o_last_breadcrumb_item active d-flex gap-2 align-items-center min-w-0 lh-sm' }, h('span', { class: 'min-w-0 text-truncate' }, title)), indicator && indicator.el])]),
        ]),
        h('div', { class: 'o_control_panel_navigation d-flex flex-wrap flex-md-nowrap justify-content-end gap-1 gap-xl-3 order-1 order-lg-2 flex-grow-1' }, pagerEl),
      ]));
  }

  // ---- list view -----------------------------------------------------------------------------------
  const LIST_FIELDS = [CFG.refField, 'name', 'partner_id', 'user_id', 'team_id', 'stage_id', 'priority'];
  const LIST_LABELS = { ticket_ref: 'Ticket IDs Sequence', number: 'Number', name: CFG.flavour === 'oca' ? 'Title' : 'Subject', partner_id: CFG.flavour === 'oca' ? 'Contact' : 'Customer', user_id: CFG.flavour === 'oca' ? 'Assigned user' : 'Assigned to', team_id: 'Team', stage_id: 'Stage', priority: 'Priority' };
  const spec = (names) => Object.fromEntries(names.map((n) => [n, /_id$/.test(n) ? { fields: { display_name: {} } } : {}]));

  async function showList(route, token) {
    const kwargs = { domain: [], limit: 80 };
    if (MODERN) kwargs.specification = spec(LIST_FIELDS); else kwargs.fields = LIST_FIELDS;
    const result = await call(T, 'web_search_read', [], Object.assign(kwargs, { context: { bin_size: true } }));
    if (token !== navToken) return;
    const rows = result.records.map((record, index) => h('tr', { class: 'o_data_row', 'data-id': `datapoint_${index + 2}`, onclick: () => navigate(formUrl(route, record.id)) },
      LIST_FIELDS.map((name) => {
        const value = record[name];
        const text = name === 'priority' ? '★'.repeat(Number(value)) : /_id$/.test(name) ? m2oName(value) || '' : value || '';
        return h('td', { class: `o_data_cell cursor-pointer o_field_cell o_list_${/_id$/.test(name) ? 'many2one' : 'char'}`, name, title: text }, text);
      })));
    const table = h('table', { class: 'o_list_table table table-sm table-hover table-striped position-relative mb-0 o_list_table_ungrouped' }, [
      h('thead', {}, h('tr', {}, LIST_FIELDS.map((name) => h('th', { 'data-name': name, class: 'align-middle o_column_sortable position-relative cursor-pointer' }, LIST_LABELS[name])))),
      h('tbody', { class: 'ui-sortable' }, rows),
    ]);
    const count = `1-${result.records.length}`;
    manager.replaceChildren(h('div', { class: 'o_action o_view_controller o_list_view' }, [
      controlPanel(route, null, null, pager(count, result.length, () => {}, () => {})),
      h('div', { class: 'o_content' }, h('div', { class: 'o_list_renderer o_renderer table-responsive', tabindex: '-1' }, table)),
    ]));
    document.title = MODERN ? 'Tickets - Odoo' : 'Odoo - Tickets';
  }

  // ---- form view -----------------------------------------------------------------------------------
  const FORM_FIELDS = CFG.flavour === 'oca'
    ? ['stage_id', 'number', 'name', 'active', 'team_id', 'user_ids', 'user_id', 'priority', 'create_date', 'channel_id', 'partner_id', 'partner_name', 'partner_email', 'category_id', 'tag_ids', 'description', 'last_stage_update', 'assigned_date', 'closed_date', 'display_name']
    : ['stage_id', 'ticket_ref', 'name', 'active', 'team_id', 'user_id', 'priority', 'kanban_state', 'create_date', 'partner_id', 'partner_name', 'partner_email', 'tag_ids', 'description', 'date_last_stage_update', 'display_name'];

  function stageDomain(team) {
    return CFG.flavour === 'oca' ? ['|', ['team_ids', '=', team], ['team_ids', '=', false]] : [['team_ids', '=', team]];
  }

  async function showForm(route, token) {
    let record;
    if (route.id === null) {
      record = { id: false, name: '', description: false, team_id: [1, 'Support'], user_id: false, partner_id: false, partner_name: '', partner_email: '', priority: CFG.defaultPriority, stage_id: false, create_date: false, display_name: 'New' };
    } else {
      const rows = MODERN
        ? await call(T, 'web_read', [[route.id]], { specification: spec(FORM_FIELDS), context: { bin_size: true } })
        : await call(T, 'read', [[route.id], FORM_FIELDS], { context: { bin_size: true } });
      if (token !== navToken) return;
      record = rows[0];
      if (!record) {
        manager.replaceChildren();
        notify(`It seems the records with IDs ${route.id} cannot be found. They might have been deleted.`);
        return;
      }
    }
    const team = m2oId(record.team_id);
    const [stages, ids, thread] = await Promise.all([
      call(CFG.models.stage, 'search_read', [], { domain: stageDomain(team), fields: ['display_name', 'fold'] }),
      call(T, 'search', [[]], { limit: 80 }),
      record.id ? rpc('/mail/thread/data', { thread_model: T, thread_id: record.id }) : Promise.resolve({ messages: [], activities: [] }),
    ]);
    if (token !== navToken) return;
    if (!record.stage_id && stages[0]) record.stage_id = [stages[0].id, stages[0].display_name];
    form = { record, draft: {}, stages, ids, route, isNew: !record.id, thread };
    renderForm();
  }

  function isDirty() { return Object.keys(form.draft).length > 0; }
  function refreshDirty() {
    const dirty = isDirty();
    form.renderer.classList.toggle('o_form_dirty', dirty);
    form.renderer.classList.toggle('o_form_saved', !dirty && !form.isNew);
    form.buttons.classList.toggle('invisible', !dirty && !form.isNew);
  }
  function value(name) { return name in form.draft ? form.draft[name] : form.record[name]; }

  async function saveIfDirty() {
    if (!form || !isDirty()) return true;
    try { await save(true); return true; } catch (error) { showError(error); return false; }
  }
  async function save(leaving) {
    const changes = Object.assign({}, form.draft);
    if (form.isNew) {
      if (!value('name')) { form.renderer.querySelector('[name=name]').classList.add('o_field_invalid'); notify('Invalid fields: ' + LIST_LABELS.name); throw new Error('Invalid fields'); }
      const values = Object.assign({ team_id: m2oId(form.record.team_id) }, changes);
      if (CFG.flavour === 'oca' && !values.description) values.description = '<p></p>';
      const id = await call(T, 'create', [values]);
      form.draft = {};
      if (!leaving) { history.replaceState({}, '', formUrl(form.route, id)); route(); }
      return;
    }
    if (Object.keys(changes).length) await call(T, 'write', [[form.record.id], changes]);
    form.draft = {};
    if (!leaving) route();
  }
  function discard() {
    if (form.isNew) { form.draft = {}; navigate(listUrl(form.route)); return; }
    form.draft = {};
    renderForm();
  }
  async function writeNow(values) {
    if (form.isNew) { Object.assign(form.draft, values); renderForm(); refreshDirty(); return; }
    try { await call(T, 'write', [[form.record.id], Object.assign({}, form.draft, values)]); form.draft = {}; route(); } catch (error) { showError(error); }
  }

  function statusbar() {
    const current = m2oId(value('stage_id'));
    const button = (stage) => {
      const active = stage.id === current;
      return h('button', {
        type: 'button', role: 'radio', 'data-value': stage.id, 'aria-checked': active ? 'true' : 'false', 'aria-current': active ? 'step' : false,
        'aria-label': active ? 'Current state' : 'Not active state, click to change it', disabled: active && MODERN,
        class: MODERN ? `btn btn-secondary ${active ? 'o_arrow_button_current ' : ''}o_arrow_button` : `btn ${active ? 'o_arrow_button_current o_arrow_button disabled' : 'o_arrow_button'} text-uppercase`,
        onclick: active ? null : () => writeNow({ stage_id: stage.id }),
      }, stage.display_name);
    };
    const visible = form.stages.filter((s) => !s.fold || s.id === current);
    const folded = form.stages.filter((s) => s.fold && s.id !== current);
    const status = h('div', { class: 'o_statusbar_status', role: MODERN ? 'radiogroup' : false });
    let more = null;
    if (folded.length) {
      const menu = h('div', { class: 'dropdown-menu o-dropdown--menu', role: 'menu' }, folded.map((s) => h('button', { type: 'button', class: 'dropdown-item', 'data-value': s.id, onclick: () => writeNow({ stage_id: s.id }) }, s.display_name)));
      more = h('button', { type: 'button', class: MODERN ? 'btn btn-secondary dropdown-toggle o_arrow_button' : 'btn dropdown-toggle text-uppercase o_arrow_button', 'aria-expanded': 'false', onclick: (e) => { const open = !menu.classList.contains('show'); menu.classList.toggle('show', open); e.currentTarget.setAttribute('aria-expanded', String(open)); } },
        [h('div', { class: 'o-dropdown dropdown o-dropdown--no-caret' }), MODERN ? '…' : 'More']);
      status.append(menu);
    }
    // 16 lays the stages out right to left: "More" first, then the visible stages reversed.
    if (MODERN) status.prepend(...visible.map(button), ...(more ? [more] : []));
    else status.prepend(...(more ? [more] : []), ...visible.slice().reverse().map(button));
    return h('div', { class: MODERN ? 'o_form_statusbar position-relative d-flex justify-content-between mb-0 mb-md-2 pb-2 pb-md-0' : 'o_form_statusbar position-relative d-flex justify-content-between border-bottom' }, [
      h('div', { class: 'o_statusbar_buttons d-flex align-items-center align-content-around flex-wrap gap-1' }),
      h('div', { name: 'stage_id', class: 'o_field_widget o_field_statusbar' }, status),
    ]);
  }

  function priorityWidget() {
    const current = CFG.priorities.findIndex((p) => p[0] === value('priority'));
    const stars = CFG.priorities.slice(1).map(([key, label], i) => {
      const filled = i + 1 <= current;
      const attrs = { role: 'radio', 'data-tooltip': `Priority: ${label}`, 'aria-label': label, onclick: (e) => { e.preventDefault(); writeNow({ priority: key === value('priority') ? CFG.priorities[0][0] : key }); } };
      if (MODERN) return h('button', Object.assign(attrs, { type: 'button', tabindex: '0', class: `o_priority_star btn btn-link btn-link-inline fa ${filled ? 'fa-star' : 'fa-star-o'}`, 'aria-checked': i + 1 === current ? 'true' : 'false' }));
      return h('a', Object.assign(attrs, { href: '#', tabindex: '-1', class: `o_priority_star fa ${filled ? 'fa-star' : 'fa-star-o'}`, 'aria-checked': '' }));
    });
    return h('div', { name: 'priority', class: 'o_field_widget o_field_priority' }, h('div', { class: 'o_priority', role: 'radiogroup', name: 'priority', 'aria-label': 'Priority' }, stars));
  }

  function charInput(name, onInput) {
    return h('input', { class: 'o_input', id: name, type: 'text', autocomplete: 'off', value: value(name) || '', oninput: onInput });
  }
  function fieldRow(name, label, widget, readonly) {
    return h('div', { class: 'o_wrap_field d-flex d-sm-contents flex-column mb-3 mb-sm-0' }, [
      h('div', { class: 'o_cell o_wrap_label flex-grow-1 flex-sm-grow-0 w-100 text-break text-900' }, h('label', { class: `o_form_label${readonly ? ' o_form_label_readonly' : ''}`, for: name }, label)),
      h('div', { class: 'o_cell o_wrap_input flex-grow-1 flex-sm-grow-0 text-break', style: 'width: 100%;' }, widget),
    ]);
  }
  function many2one(name, label) {
    const input = h('input', { type: 'text', class: 'o-autocomplete--input o_input', autocomplete: 'off', id: name, placeholder: '', value: m2oName(value(name)) || '', readonly: true });
    return fieldRow(name, label, h('div', { name, class: 'o_field_widget o_field_many2one' }, h('div', { class: 'o_field_many2one_selection' }, h('div', { class: 'o_input_dropdown' }, h('div', { class: 'o-autocomplete dropdown' }, input)))));
  }
  function charRow(name, label) {
    return fieldRow(name, label, h('div', { name, class: 'o_field_widget o_field_char' }, charInput(name, (e) => { form.draft[name] = e.target.value; refreshDirty(); })));
  }

  function sheet() {
    const record = form.record;
    const nameWidget = h('div', { name: 'name', class: 'o_field_widget o_required_modifier o_field_char' }, charInput('name', (e) => { form.draft.name = e.target.value; refreshDirty(); }));
    const title = CFG.flavour === 'oca'
      ? h('div', { class: 'oe_title' }, [h('h1', { class: 'oe_title' }, h('div', { name: 'number', class: 'o_field_widget o_readonly_modifier o_field_char' }, h('span', {}, record.number || ''))), h('h2', { class: 'o_row' }, nameWidget)])
      : h('div', { class: 'oe_title' }, h('h1', {}, nameWidget));
    const left = [many2one('team_id', 'Team'), many2one('user_id', LIST_LABELS.user_id), fieldRow('priority', 'Priority', priorityWidget()),
      fieldRow('create_date', 'Created on', h('div', { name: 'create_date', class: 'o_field_widget o_readonly_modifier o_field_datetime' }, h('span', {}, localTime(record.create_date))), true)];
    if (CFG.flavour === 'oca') left.push(many2one('channel_id', 'Channel'));
    const right = [many2one('partner_id', LIST_LABELS.partner_id), charRow('partner_name', CFG.flavour === 'oca' ? 'Partner Name' : 'Customer Name'), charRow('partner_email', CFG.flavour === 'oca' ? 'Email' : 'Customer Email')];
    if (CFG.flavour === 'oca') right.push(many2one('category_id', 'Category'));
    const editor = h('div', { class: 'note-editable odoo-editor-editable', id: 'description', contenteditable: 'true', dir: 'ltr', oninput: (e) => { form.draft.description = e.currentTarget.innerHTML; refreshDirty(); } });
    editor.append(safeHtml(value('description')));
    const notebook = h('div', { class: 'o_notebook d-flex w-100 horizontal flex-column' }, [
      h('div', { class: 'o_notebook_headers' }, h('ul', { class: 'nav nav-tabs flex-row flex-nowrap' }, h('li', { class: 'nav-item flex-nowrap cursor-pointer' }, h('a', { class: 'nav-link active', href: '#', role: 'tab', tabindex: '0', name: 'description' }, 'Description')))),
      h('div', { class: 'o_notebook_content tab-content' }, h('div', { class: 'tab-pane active' }, h('div', { name: 'description', class: `o_field_widget${CFG.flavour === 'oca' ? ' o_required_modifier' : ''} o_field_html` }, editor))),
    ]);
    return h('div', { class: MODERN ? 'o_form_sheet position-relative' : 'o_form_sheet position-relative clearfix' }, [
      title,
      h('div', { class: 'o_group row align-items-start' }, [h('div', { class: 'o_inner_group grid col-lg-6' }, left), h('div', { class: 'o_inner_group grid col-lg-6' }, right)]),
      notebook,
    ]);
  }

  function chatter() {
    const { messages, activities } = form.thread;
    const users = (a) => (MODERN ? h('span', { class: 'o-mail-Activity-user' }, a.user) : h('span', { class: 'o_ActivityView_userName' }, a.user));
    if (!MODERN) {
      const activityBox = activities.length ? h('div', { class: 'o_ActivityBox' }, [
        h('a', { class: 'o_ActivityBox_title btn', role: 'button' }, h('span', { class: 'o_ActivityBox_titleText' }, 'Planned activities')),
        h('div', { class: 'o_ActivityList' }, activities.map((a) => h('div', { class: 'o_ActivityView d-flex py-1 mb-2', 'data-activity-id': a.id }, h('div', { class: 'o_ActivityView_core flex-grow-1' }, [
          h('div', { class: 'o_ActivityView_info' }, [h('span', { class: 'o_ActivityView_dueDateText fw-bold' }, a.date_deadline), ' ', h('span', { class: 'o_ActivityView_summary' }, a.summary || a.activity_type), ' ', users(a)]),
          h('div', { class: 'o_ActivityView_note' }, safeHtml(a.note)),
        ])))),
      ]) : null;
      const list = messages.map((m) => h('div', { class: `o_Message position-relative py-1 mt-1 px-3 o_MessageList_item o_MessageList_message${m.message_type === 'notification' ? ' o-notification' : ''}`, role: 'group', 'data-id': m.id, 'data-message-id': m.id }, h('div', { class: 'o_Message_core flex-grow-1' }, [
        h('div', { class: 'o_Message_header d-flex flex-wrap align-items-baseline' }, [h('strong', { class: 'o_Message_authorName me-1 text-truncate' }, m.author), h('small', { class: 'o_Message_date o_Message_headerDate text-muted opacity-50 me-2', title: localTime(m.date) }, localTime(m.date))]),
        h('div', { class: 'o_Message_content position-relative text-break' }, messageBody(m)),
      ])));
      return h('div', { class: 'o_FormRenderer_chatterContainer oe_chatter' }, h('div', { class: 'o_ChatterContainer flex-grow-1 d-flex', 'data-command-category': 'mail' }, h('div', { class: 'o_Chatter position-relative flex-grow-1 flex-column d-flex w-100 bg-view' }, [
        h('div', { class: 'o_Chatter_fixedPanel' }, h('div', { class: 'o_ChatterTopbar justify-content-between d-flex o_Chatter_topbar' }, h('div', { class: 'o_ChatterTopbar_actions flex-fill d-flex border-transparent' }, [
          h('div', { class: 'o_ChatterTopbar_controllers d-flex pe-2' }, [h('button', { class: 'o_ChatterTopbar_button o_ChatterTopbar_buttonSendMessage btn text-nowrap me-2 btn-odoo', type: 'button' }, ' Send message '), h('button', { class: 'o_ChatterTopbar_button o_ChatterTopbar_buttonLogNote btn text-nowrap btn-light', type: 'button' }, ' Log note ')]),
          h('div', { class: 'o_ChatterTopbar_tools position-relative d-flex flex-grow-1 o_ChatterTopbar_borderLeft ps-2' }, h('button', { class: 'o_ChatterTopbar_button o_ChatterTopbar_buttonScheduleActivity btn btn-light text-nowrap', type: 'button' }, [h('i', { class: 'fa fa-clock-o me-1' }), h('span', {}, 'Activities')])),
        ]))),
        h('div', { class: 'o_Chatter_scrollPanel overflow-auto' }, [activityBox, h('div', { class: 'o_ThreadView position-relative d-flex flex-column bg-100 o_Chatter_thread', 'data-thread-id': form.record.id, 'data-thread-model': T }, h('div', { class: 'o_MessageList bg-view d-flex flex-column overflow-auto pb-4 o_ThreadView_messageList flex-grow-1' }, list))]),
      ])));
    }
    const activityList = activities.length ? h('div', { class: 'o-mail-ActivityList' }, activities.map((a) => h('div', { class: 'o-mail-Activity d-flex py-1 mb-2', 'data-activity-id': a.id }, h('div', { class: 'flex-grow-1' }, [
      h('div', { class: 'o-mail-Activity-info' }, [h('span', { class: 'fw-bold' }, a.date_deadline), ' ', h('strong', { class: 'o-mail-Activity-summary' }, a.summary || a.activity_type), ' ', users(a)]),
      h('div', { class: 'o-mail-Activity-note' }, safeHtml(a.note)),
    ])))) : null;
    const thread = h('div', { class: 'o-mail-Thread position-relative flex-grow-1 d-flex flex-column overflow-auto' }, messages.map((m) => h('div', { class: `o-mail-Message position-relative${m.message_type === 'notification' ? ' o-notification' : ''}`, role: 'group', 'aria-label': m.subtype === 'Note' ? 'Note' : 'Message', 'data-persistent': '' }, h('div', { class: 'o-mail-Message-core position-relative d-flex flex-shrink-0' }, h('div', { class: 'flex-grow-1' }, [
      h('div', { class: 'o-mail-Message-header d-flex flex-wrap align-items-baseline mb-1 lh-1' }, [h('span', { class: 'o-mail-Message-author' }, h('strong', { class: 'me-1 text-truncate' }, m.author)), h('small', { class: 'o-mail-Message-date text-muted opacity-75 me-2', title: localTime(m.date) }, localTime(m.date))]),
      h('div', { class: 'o-mail-Message-content o-min-width-0' }, messageBody(m)),
    ])))));
    return h('div', { class: 'o-mail-ChatterContainer o-mail-Form-chatter w-print-100 o-isInFormSheetBg' }, h('div', { class: 'o-mail-Chatter w-100 h-100 flex-grow-1 d-flex flex-column overflow-auto' }, [
      h('div', { class: 'o-mail-Chatter-top d-print-none position-sticky top-0' }, h('div', { class: 'o-mail-Chatter-topbar d-flex flex-shrink-0 flex-grow-0 overflow-x-auto' }, [
        h('button', { type: 'button', class: 'o-mail-Chatter-sendMessage btn text-nowrap me-1 btn-primary' }, 'Send message'),
        h('button', { type: 'button', class: 'o-mail-Chatter-logNote btn text-nowrap me-1 btn-secondary' }, 'Log note'),
        h('div', { class: 'flex-grow-1 d-flex' }, h('button', { type: 'button', class: 'o-mail-Chatter-activity btn btn-secondary text-nowrap' }, [h('i', { class: 'fa fa-clock-o' }), h('span', {}, 'Activities')])),
      ])),
      h('div', { class: 'o-mail-Chatter-content' }, [activityList, thread]),
    ]));
  }

  function messageBody(m) {
    const modern = MODERN;
    if (m.tracking && m.tracking.length) {
      return h('ul', { class: modern ? 'o-mail-Message-tracking mb-0 ps-4' : 'o_Message_trackingValues mb-0 ps-4' }, m.tracking.map((t) => h('li', { class: modern ? '' : 'o_Message_trackingValue' }, [
        h('span', { class: modern ? 'o-mail-Message-trackingOld me-1 px-1 text-muted fw-bold' : 'o_Message_trackingValueOldValue me-1 px-1 text-muted fw-bold' }, t.old),
        h('i', { class: 'fa fa-long-arrow-right mx-1 text-600' }),
        h('span', { class: modern ? 'o-mail-Message-trackingNew me-1 fw-bold text-info' : 'o_Message_trackingValueNewValue me-1 fw-bold text-info' }, t.new),
        h('span', { class: modern ? 'o-mail-Message-trackingField ms-1 fst-italic text-muted' : 'o_Message_trackingValueFieldName ms-1 fst-italic text-muted' }, `(${t.field})`),
      ])));
    }
    const body = h('div', { class: modern ? 'o-mail-Message-body text-body bg-transparent position-relative' : 'o_Message_prettyBody' });
    if (m.body) body.append(safeHtml(m.body)); else body.append(h('p', { class: 'mb-0' }, m.subtype || ''));
    return body;
  }

  function renderForm() {
    const record = form.record;
    const indicator = statusIndicator();
    const index = form.ids.indexOf(record.id);
    const step = (delta) => () => {
      if (index < 0 || form.ids.length < 2) return;
      navigate(formUrl(form.route, form.ids[(index + delta + form.ids.length) % form.ids.length]));
    };
    const pagerEl = form.isNew ? null : pager(index < 0 ? 1 : index + 1, index < 0 ? 1 : form.ids.length, step(-1), step(1));
    const title = form.isNew ? 'New' : record.display_name;
    const sheetBg = h('div', { class: 'o_form_sheet_bg' }, [statusbar(), sheet()]);
    const rendererClass = MODERN ? 'o_form_renderer o_form_editable d-flex d-print-block flex-nowrap h-100' : 'o_form_editable d-flex flex-column';
    const renderer = h('div', { class: `${rendererClass}${form.isNew ? '' : ' o_form_saved'}` }, [sheetBg, form.isNew ? null : chatter()]);
    form.renderer = renderer;
    form.buttons = indicator.buttons;
    manager.replaceChildren(h('div', { class: 'o_action o_view_controller o_form_view' }, h('div', { class: 'o_form_view_container' }, [
      controlPanel(form.route, title, indicator, pagerEl),
      h('div', { class: 'o_content' }, renderer),
    ])));
    refreshDirty();
    document.title = MODERN ? `${title} - Odoo` : `Odoo - ${title}`;
  }

  route();
})();
