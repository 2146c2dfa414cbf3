// The web client page (/web and /odoo/…): Odoo's shell (navbar + action manager) with the small client inline.
import { readFileSync } from 'node:fs';
import type { FlavourNames, OdooVersion } from '../models.ts';

// Served inline: indentation and whole-line comments are dropped (the file has no multi-line strings).
const CLIENT = readFileSync(new URL('./web-client.js', import.meta.url), 'utf8')
  .split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('//')).join('\n');
if (/<\/script/i.test(CLIENT)) throw new Error('web-client.js must not contain a closing script tag: it is served inline');
export const STYLES = readFileSync(new URL('./web-client.css', import.meta.url), 'utf8');

/** JSON inside <script>: `<` escaped so no value can close the tag. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface ShellOptions {
  version: OdooVersion;
  names: FlavourNames;
  sessionInfo: Record<string, unknown>;
  uid: number;
  userName: string;
  priorities: Array<[string, string]>;
}

export function webClientPage(options: ShellOptions): string {
  const { version, names } = options;
  const config = {
    version, flavour: names.flavour, uid: options.uid, action: names.action, menu: names.menu,
    models: { ticket: names.ticket, stage: names.stage, team: names.team },
    refField: names.ticketRef, defaultPriority: names.defaultPriority, priorities: options.priorities,
  };
  const ticketsHref = version >= 18 ? '/odoo/helpdesk/1/tickets' : `/web#action=${names.action}&model=helpdesk.ticket&view_type=list&cids=1&menu_id=${names.menu}`;
  return `<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Odoo</title>
<meta name="viewport" content="width=device-width, initial-scale=1, user-scalable=no">
<script id="web.layout.odooscript" type="text/javascript">
var odoo = { csrf_token: "sandbox", debug: "" };
odoo.__session_info__ = ${inlineJson(options.sessionInfo)};
</script>
<style>${STYLES}</style>
</head>
<body class="o_web_client">
<header class="o_navbar"><nav class="o_main_navbar" data-command-category="navbar">
<div class="o-dropdown dropdown o_navbar_apps_menu o-dropdown--no-caret"><button class="dropdown-toggle" title="Home Menu" data-hotkey="h" tabindex="0" aria-expanded="false"><i class="oi oi-apps"></i></button></div>
<a class="dropdown-item o_menu_brand d-none d-md-block" role="menuitem" tabindex="0" href="${escapeAttribute(ticketsHref)}" data-route="" data-menu-xmlid="helpdesk.menu_helpdesk_root">Helpdesk</a>
<div class="o_menu_sections d-none d-md-flex flex-grow-1 flex-shrink-1" role="menu"><a class="dropdown-item o_nav_entry" role="menuitem" tabindex="0" href="${escapeAttribute(ticketsHref)}" data-route="" title="Tickets" data-hotkey="2">Tickets</a></div>
<div class="o_menu_systray d-flex flex-shrink-0 ms-auto" role="menu"><div class="o-dropdown dropdown o_user_menu d-none d-md-block pe-0 o-dropdown--no-caret"><button class="dropdown-toggle py-1 py-lg-0" tabindex="0" aria-expanded="false"><span class="oe_topbar_name d-none d-lg-block ms-1 text-truncate">${escapeAttribute(options.userName)}</span></button></div></div>
</nav></header>
<div class="o_action_manager"></div>
<div class="o-main-components-container"><div class="o_notification_manager"></div></div>
<script type="text/javascript">
const CFG = ${inlineJson(config)};
${CLIENT}
</script>
</body></html>`;
}

export function loginPage(options: { redirect: string; error?: string; login?: string }): string {
  const error = options.error ? `<p class="alert alert-danger" role="alert">${escapeAttribute(options.error)}</p>` : '';
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Login | Odoo</title><style>${STYLES}</style></head>
<body class="o_web_client">
<form class="oe_login_form" role="form" action="/web/login" method="post">
<input type="hidden" name="csrf_token" value="sandbox">
<div class="mb-3 field-login"><label for="login" class="form-label">Email</label>
<input type="text" placeholder="Email" name="login" id="login" required="required" autofocus="autofocus" autocapitalize="off" class="form-control" value="${escapeAttribute(options.login ?? '')}"></div>
<div class="mb-3"><label for="password" class="form-label">Password</label>
<input type="password" placeholder="Password" name="password" id="password" required="required" autocomplete="current-password" maxlength="4096" class="form-control"></div>
${error}
<input type="hidden" name="redirect" value="${escapeAttribute(options.redirect)}">
<div class="clearfix oe_login_buttons text-center gap-1 d-grid mb-1 pt-3"><button type="submit" class="btn btn-primary">Log in</button></div>
</form>
<script>
// The hash never reaches the server: keep it across the login so a /web#id=… link still opens its ticket.
(function () { var r = document.querySelector('input[name=redirect]'); if (location.hash && r.value && r.value.indexOf('#') < 0) r.value += location.hash; })();
</script>
</body></html>`;
}

export function notFoundPage(): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>404 | Page not found</title></head><body><h1>404: Page not found</h1><p>The page you were looking for could not be found.</p></body></html>`;
}
