// Where things are in the Odoo ticket form, for Odoo 16 and for 17+ (17, 18, 19).
// 16 is checked against the saved real DOM (reference/odoo16-samples/ticket-form.html);
// 17+ against the landmarks in reference/odoo.md.
//
// 16:  .o_action_manager > .o_action.o_view_controller.o_form_view > .o_form_view_container
//        > .o_control_panel (breadcrumb, .o_form_status_indicator_buttons[.invisible])
//        > .o_content > div.o_form_editable.(o_form_saved|o_form_dirty)      ← the renderer, no class of its own
//            > .o_form_sheet_bg > .o_form_sheet
//            > .o_FormRenderer_chatterContainer                               ← chatter
// 17+: the same, but the renderer has .o_form_renderer and the chatter is
//      div.o-mail-ChatterContainer.o-mail-Form-chatter.

export interface OdooSelectors {
  /** The form view of the main action (dialogs hold form views too: see findTicketForm). */
  formView: string;
  /** The renderer: carries o_form_saved / o_form_dirty and lays out sheet and chatter. */
  formRenderer: string;
  formSheet: string;
  chatter: string;
  priorityWidget: string;
  priorityStar: string;
  /** Matches (inside the form view) only when the form holds changes Odoo has not saved. */
  formDirty: string;
}

const FORM_VIEW = '.o_action_manager .o_form_view';
const FORM_SHEET = '.o_form_sheet_bg > .o_form_sheet';
const PRIORITY_WIDGET = '.o_form_sheet .o_priority[name="priority"][role="radiogroup"]';
const PRIORITY_STAR = '.o_priority_star';
// The save/discard pair is in the DOM on a clean form too, hidden by `invisible`.
const UNSAVED_BUTTONS = '.o_form_status_indicator_buttons:not(.invisible)';

export const ODOO16_SELECTORS: OdooSelectors = {
  formView: FORM_VIEW,
  formRenderer: '.o_form_view_container > .o_content > .o_form_editable, .o_form_view_container > .o_content > .o_form_readonly',
  formSheet: FORM_SHEET,
  chatter: '.o_FormRenderer_chatterContainer',
  priorityWidget: PRIORITY_WIDGET,
  priorityStar: PRIORITY_STAR,
  formDirty: `.o_form_dirty, ${UNSAVED_BUTTONS}`,
};

export const ODOO17_SELECTORS: OdooSelectors = {
  formView: FORM_VIEW,
  formRenderer: '.o_form_renderer',
  formSheet: FORM_SHEET,
  chatter: '.o-mail-ChatterContainer.o-mail-Form-chatter',
  priorityWidget: PRIORITY_WIDGET,
  priorityStar: PRIORITY_STAR,
  formDirty: `.o_form_renderer.o_form_dirty, ${UNSAVED_BUTTONS}`,
};

/** The selectors of a server version (OdooSessionInfo.serverVersion). */
export function selectorsFor(serverVersion: number): OdooSelectors {
  return serverVersion >= 17 ? ODOO17_SELECTORS : ODOO16_SELECTORS;
}

/** Which DOM generation the page shows, when no session info is at hand. */
export function domVersion(doc: Document): 16 | 17 | null {
  if (doc.querySelector('.o_form_renderer, .o-mail-Form-chatter')) return 17;
  if (doc.querySelector(`${ODOO16_SELECTORS.chatter}, ${ODOO16_SELECTORS.formRenderer}`)) return 16;
  return null;
}

/** Either version: for lookups that must work before the version is known. */
function either(key: keyof OdooSelectors): string {
  const both = new Set([...ODOO16_SELECTORS[key].split(', '), ...ODOO17_SELECTORS[key].split(', ')]);
  return [...both].join(', ');
}

/**
 * The form view of the main action when it shows a helpdesk ticket: a stage statusbar and a team
 * field (both flavours, all versions). A CRM lead looks alike, so the caller still checks the URL's
 * model (ticketFromUrl) or, when the URL does not name it, confirms with an RPC.
 */
export function findTicketForm(doc: Document): Element | null {
  for (const form of doc.querySelectorAll(either('formView'))) {
    if (form.closest('.modal, .o_dialog')) continue;
    const stage = form.querySelector('.o_field_statusbar[name="stage_id"]');
    const team = form.querySelector('.o_field_widget[name="team_id"]');
    if (stage && team) return form;
  }
  return null;
}

/** True when the ticket form holds unsaved edits: a write over RPC now would race with them. */
export function isFormDirty(doc: Document): boolean {
  const form = findTicketForm(doc);
  if (!form) return false;
  const dirty = either('formDirty');
  return form.matches(dirty) || form.querySelector(dirty) !== null;
}

/**
 * Where the sidebar goes: mount its host right AFTER the returned `.o_form_sheet_bg`
 * (WXT `anchor` + `append: 'after'`). That puts it inside the renderer's flex box, between the
 * sheet and the chatter: a column beside the chatter when Odoo shows the chatter on the side
 * (wide screens), a block above the chatter when the chatter sits below the sheet. Odoo's own
 * layout stays untouched, and the anchor disappears with the form, so the sidebar follows the
 * ticket form in and out of the page.
 */
export function sidebarAnchor(doc: Document): Element | null {
  return findTicketForm(doc)?.querySelector('.o_form_sheet_bg') ?? null;
}

export const SIDEBAR_APPEND = 'after' as const;

/**
 * One selector that matches once Odoo has rendered a form with a stage statusbar: what the background asks
 * the page before it injects the sidebar (lib/odoo/sidebar-injection.ts). Coarse on purpose (a CRM lead
 * or a dialog matches too): the sidebar itself confirms with findTicketForm and the URL's model.
 */
export const RENDERED_FORM_WITH_STAGES = `${FORM_VIEW} .o_field_statusbar[name="stage_id"]`;
