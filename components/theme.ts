/**
 * Styles of the in-page surfaces (Odoo sidebar, Control Center button and dialog). They live in shadow
 * roots, so the host page's CSS cannot reach them and theirs cannot leak into the page. Sized for Odoo's
 * 13px UI, light and dark.
 */
export const SHADOW_CSS = `
:host { all: initial; }
.so-root {
  --so-bg: #ffffff; --so-fg: #1f2328; --so-muted: #59636e; --so-border: #d0d7de; --so-accent: #714b67;
  --so-accent-fg: #ffffff; --so-ok: #1a7f37; --so-warn: #9a6700; --so-bad: #c62828; --so-soft: #f6f8fa;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--so-fg);
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  .so-root { --so-bg: #1e1e24; --so-fg: #e6edf3; --so-muted: #9ea7b3; --so-border: #3d444d; --so-accent: #c39bd3;
    --so-accent-fg: #1e1e24; --so-ok: #57d07b; --so-warn: #e3b341; --so-bad: #ff8a80; --so-soft: #2a2a33; }
}
.so-sidebar {
  position: fixed; top: 48px; right: 0; bottom: 0; width: 340px; z-index: 1050; overflow-y: auto;
  background: var(--so-bg); border-left: 1px solid var(--so-border); box-shadow: -2px 0 8px #0002; padding: 12px 14px;
  box-sizing: border-box;
}
.so-sidebar--collapsed { width: auto; bottom: auto; padding: 6px; border-radius: 6px 0 0 6px; }
.so-header { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 8px; }
.so-title { font-size: 14px; font-weight: 600; margin: 0; }
h2.so-section { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--so-muted); margin: 14px 0 6px; }
.so-stage { font-size: 16px; font-weight: 600; margin: 0; }
.so-muted { color: var(--so-muted); }
.so-checklist { margin: 0; padding-left: 18px; }
.so-checklist li { margin: 2px 0; }
.so-email { padding: 6px 8px; border-radius: 6px; background: var(--so-soft); border: 1px solid var(--so-border); }
.so-next { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; margin: 0; padding: 0; }
.so-badge { display: inline-block; padding: 1px 8px; border-radius: 999px; border: 1px solid var(--so-border); background: var(--so-soft); }
.so-deadline--overdue { color: var(--so-bad); font-weight: 600; }
.so-error { padding: 8px; border-radius: 6px; border: 1px solid var(--so-bad); background: color-mix(in srgb, var(--so-bad) 12%, transparent); margin: 8px 0; }
.so-error button { margin-top: 6px; display: block; }
button, .so-button {
  font: inherit; padding: 4px 10px; border-radius: 4px; border: 1px solid var(--so-border); background: var(--so-soft);
  color: var(--so-fg); cursor: pointer;
}
button.so-primary { background: var(--so-accent); color: var(--so-accent-fg); border-color: var(--so-accent); }
button:disabled { opacity: .55; cursor: progress; }
button:focus-visible, a:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible {
  outline: 2px solid #0b62d6; outline-offset: 2px;
}
a { color: var(--so-accent); }
.so-fab {
  position: fixed; right: 16px; bottom: 16px; z-index: 1050; padding: 8px 14px; border-radius: 999px;
  background: var(--so-accent); color: var(--so-accent-fg); border: none; box-shadow: 0 2px 8px #0004; font-weight: 600;
}
.so-fab--alert { background: var(--so-bad); color: #fff; animation: so-pulse 1.2s ease-in-out 3; }
@keyframes so-pulse { 50% { transform: scale(1.06); } }
@media (prefers-reduced-motion: reduce) { .so-fab--alert { animation: none; } }
/* Odoo sidebar: stage moves, triage, notes, To-Dos, team setup */
.so-field { display: block; margin: 6px 0; }
.so-field input, .so-field select, .so-field textarea { font: inherit; display: block; width: 100%; box-sizing: border-box; margin-top: 2px;
  padding: 3px 6px; border: 1px solid var(--so-border); border-radius: 4px; background: var(--so-bg); color: var(--so-fg); }
.so-dialog { margin: 8px 0; padding: 8px; border: 1px solid var(--so-accent); border-radius: 6px; }
.so-actions { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 8px; }
.so-email-subject { font-weight: 600; margin: 4px 0; }
.so-email-body { white-space: pre-wrap; max-height: 220px; overflow: auto; }
.so-notice, .so-warning { padding: 6px 8px; border-radius: 6px; border: 1px solid var(--so-warn); margin: 8px 0; }
.so-notice button { display: block; margin-top: 6px; }
.so-done { padding: 6px 8px; border-radius: 6px; border: 1px solid var(--so-ok); margin: 8px 0; }
.so-done button { display: block; margin-top: 6px; }
.so-stars { border: none; margin: 0; padding: 0; }
.so-stars label { display: block; }
/* Start-status repair dialog (Control Center) */
.so-status { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 4px 0 8px; }
.so-status div { display: contents; }
.so-status dt { color: var(--so-muted); }
.so-status dd { margin: 0; }
.so-warning { padding: 8px; border-radius: 6px; border: 1px solid var(--so-warn); background: color-mix(in srgb, var(--so-warn) 14%, transparent); }
/* From ticket to GitLab: incident wizard, linked issues */
.so-fieldset { border: 1px solid var(--so-border); border-radius: 6px; margin: 8px 0; padding: 6px 8px; }
.so-fieldset legend { font-weight: 600; padding: 0 4px; }
.so-choice { display: block; margin: 2px 0; }
.so-inline { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.so-inline input:not([type]) { flex: 1; min-width: 8em; font: inherit; padding: 3px 6px; border: 1px solid var(--so-border); border-radius: 4px; background: var(--so-bg); color: var(--so-fg); }
.so-results { list-style: none; margin: 4px 0; padding: 0; }
.so-results li { margin: 4px 0; }
.so-steps { margin: 6px 0; padding-left: 20px; }
.so-steps li[data-status="failed"] { color: var(--so-bad); }
.so-steps li[data-status="waiting"] { color: var(--so-warn); }
.so-state--opened { border-color: var(--so-ok); color: var(--so-ok); }
.so-state--closed { border-color: var(--so-muted); color: var(--so-muted); }
.so-second-line > div { margin: 6px 0; }
`;
