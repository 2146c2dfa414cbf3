import { beforeEach, describe, expect, it } from 'vitest';
import { loadSampleText } from './odoo16-samples.testkit';
import {
  domVersion,
  findTicketForm,
  isFormDirty,
  ODOO16_SELECTORS,
  ODOO17_SELECTORS,
  selectorsFor,
  sidebarAnchor,
} from './selectors';

const ODOO16_HTML = loadSampleText('ticket-form.html');

/** A 17+ ticket form built from the DOM landmarks in reference/odoo.md. */
const ODOO17_HTML = `<!DOCTYPE html><html><body class="o_web_client">
<div class="o_action_manager">
  <div class="o_action o_view_controller o_form_view o_helpdesk_ticket_form_view">
    <div class="o_form_view_container">
      <div class="o_control_panel">
        <ol class="breadcrumb"><li class="breadcrumb-item active">Car does not open (#42)
          <div class="o_form_status_indicator"><div class="o_form_status_indicator_buttons d-flex invisible">
            <button class="o_form_button_save">Save</button><button class="o_form_button_cancel">Discard</button>
          </div></div>
        </li></ol>
      </div>
      <div class="o_content">
        <div class="o_form_renderer o_form_editable d-flex flex-nowrap h-100 o_form_saved">
          <div class="o_form_sheet_bg">
            <div class="o_form_statusbar"><div name="stage_id" class="o_field_widget o_field_statusbar">
              <div class="o_statusbar_status"><button class="btn o_arrow_button_current" aria-checked="true">New</button></div>
            </div></div>
            <div class="o_form_sheet position-relative">
              <div name="team_id" class="o_field_widget o_field_many2one"><input id="team_id_0" value="Customer Care"></div>
              <div name="priority" class="o_field_widget o_field_priority">
                <div class="o_priority" role="radiogroup" name="priority" aria-label="Priority">
                  <button class="o_priority_star fa fa-star" role="radio" aria-checked="true" aria-label="Medium priority"></button>
                  <button class="o_priority_star fa fa-star-o" role="radio" aria-checked="false" aria-label="High priority"></button>
                  <button class="o_priority_star fa fa-star-o" role="radio" aria-checked="false" aria-label="Urgent"></button>
                </div>
              </div>
            </div>
          </div>
          <div class="o-mail-ChatterContainer o-mail-Form-chatter o-aside w-print-100"><div class="o-mail-Chatter"></div></div>
        </div>
      </div>
    </div>
  </div>
</div>
<div class="o-main-components-container"></div>
</body></html>`;

function parse(html: string): Document {
  // The saved page links Odoo's stylesheets, which happy-dom cannot load (and the selectors don't need).
  return new DOMParser().parseFromString(html.replace(/<link\b[^>]*>/g, ''), 'text/html');
}

describe('Odoo 16 selectors against the real ticket form (ticket-form.html)', () => {
  let doc: Document;
  beforeEach(() => {
    doc = parse(ODOO16_HTML);
  });

  it('recognises the 16 DOM', () => {
    expect(domVersion(doc)).toBe(16);
    expect(selectorsFor(16)).toBe(ODOO16_SELECTORS);
  });

  it('finds each landmark exactly once', () => {
    const s = ODOO16_SELECTORS;
    for (const key of ['formView', 'formRenderer', 'formSheet', 'chatter', 'priorityWidget'] as const) {
      expect(doc.querySelectorAll(s[key]), key).toHaveLength(1);
    }
    expect(doc.querySelector(s.formRenderer)?.classList.contains('o_form_saved')).toBe(true);
    expect(doc.querySelector(s.formSheet)?.querySelector('[name="number"]')?.textContent).toContain('HT00005');
    expect(doc.querySelector(s.chatter)?.querySelector('.o_ChatterTopbar')).not.toBeNull();
  });

  it('finds the three priority stars with their labels', () => {
    const widget = doc.querySelector(ODOO16_SELECTORS.priorityWidget);
    const stars = [...(widget?.querySelectorAll(ODOO16_SELECTORS.priorityStar) ?? [])];
    expect(stars.map((star) => star.getAttribute('aria-label'))).toEqual(['Medium', 'High', 'Very High']);
  });

  it('the 17+ chatter and renderer selectors do not match 16', () => {
    expect(doc.querySelector(ODOO17_SELECTORS.chatter)).toBeNull();
    expect(doc.querySelector(ODOO17_SELECTORS.formRenderer)).toBeNull();
  });

  it('finds the ticket form and the sidebar anchor between sheet and chatter', () => {
    const form = findTicketForm(doc);
    expect(form?.classList.contains('o_form_view')).toBe(true);
    const anchor = sidebarAnchor(doc);
    expect(anchor?.classList.contains('o_form_sheet_bg')).toBe(true);
    expect(anchor?.nextElementSibling?.matches(ODOO16_SELECTORS.chatter)).toBe(true);
    expect(form?.contains(anchor ?? null)).toBe(true);
  });

  it('a saved form is not dirty', () => {
    expect(isFormDirty(doc)).toBe(false);
  });

  it('an edited form is dirty (renderer o_form_dirty, save buttons shown)', () => {
    const renderer = doc.querySelector(ODOO16_SELECTORS.formRenderer);
    renderer?.classList.replace('o_form_saved', 'o_form_dirty');
    expect(isFormDirty(doc)).toBe(true);

    const fresh = parse(ODOO16_HTML);
    fresh.querySelector('.o_form_status_indicator_buttons')?.classList.remove('invisible');
    expect(isFormDirty(fresh)).toBe(true);
  });

  it('ignores a form in a dialog and a form that is not a ticket', () => {
    const form = findTicketForm(doc);
    const modal = doc.createElement('div');
    modal.className = 'modal o_dialog';
    form?.parentElement?.appendChild(modal);
    if (form) modal.appendChild(form);
    expect(findTicketForm(doc)).toBeNull();
    expect(sidebarAnchor(doc)).toBeNull();
    expect(isFormDirty(doc)).toBe(false);

    const other = parse(ODOO16_HTML);
    other.querySelector('.o_field_widget[name="team_id"]')?.remove();
    expect(findTicketForm(other)).toBeNull();
  });
});

describe('Odoo 17+ selectors against the odoo.md landmarks', () => {
  let doc: Document;
  beforeEach(() => {
    doc = parse(ODOO17_HTML);
  });

  it('recognises the 17+ DOM', () => {
    expect(domVersion(doc)).toBe(17);
    expect(selectorsFor(18)).toBe(ODOO17_SELECTORS);
    expect(selectorsFor(19)).toBe(ODOO17_SELECTORS);
  });

  it('finds each landmark exactly once', () => {
    const s = ODOO17_SELECTORS;
    for (const key of ['formView', 'formRenderer', 'formSheet', 'chatter', 'priorityWidget'] as const) {
      expect(doc.querySelectorAll(s[key]), key).toHaveLength(1);
    }
    const stars = [...doc.querySelectorAll(`${s.priorityWidget} ${s.priorityStar}`)];
    expect(stars.map((star) => star.getAttribute('aria-checked'))).toEqual(['true', 'false', 'false']);
  });

  it('the 16 chatter selector does not match 17+', () => {
    expect(doc.querySelector(ODOO16_SELECTORS.chatter)).toBeNull();
  });

  it('finds the ticket form and the sidebar anchor before the chatter', () => {
    expect(findTicketForm(doc)?.classList.contains('o_helpdesk_ticket_form_view')).toBe(true);
    const anchor = sidebarAnchor(doc);
    expect(anchor?.classList.contains('o_form_sheet_bg')).toBe(true);
    expect(anchor?.nextElementSibling?.matches(ODOO17_SELECTORS.chatter)).toBe(true);
  });

  it('tells a dirty form from a saved one', () => {
    expect(isFormDirty(doc)).toBe(false);
    doc.querySelector('.o_form_renderer')?.classList.replace('o_form_saved', 'o_form_dirty');
    expect(isFormDirty(doc)).toBe(true);
  });

  it('finds nothing on a page without a form', () => {
    const list = parse('<div class="o_action_manager"><div class="o_action o_list_view"></div></div>');
    expect(findTicketForm(list)).toBeNull();
    expect(sidebarAnchor(list)).toBeNull();
    expect(isFormDirty(list)).toBe(false);
    expect(domVersion(list)).toBeNull();
  });
});
