// HTML helpers standing in for Odoo's html_sanitize / html_escape / html2plaintext.

/** Text made safe inside an element, as Odoo stores escaped text after sanitizing (quotes stay as they are). */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const DROPPED_WITH_CONTENT = /<(script|style|iframe|object|embed|noscript|template|textarea)\b[\s\S]*?<\/\1\s*>/gi;
const DROPPED_TAGS = /<\/?(script|style|iframe|object|embed|link|meta|base|form|frame|frameset)\b[^>]*>/gi;
const EVENT_HANDLERS = /\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
const SCRIPT_URLS = /\s+(href|src|action|formaction|xlink:href)\s*=\s*("\s*(?:javascript|vbscript|data:text\/html)[^"]*"|'\s*(?:javascript|vbscript|data:text\/html)[^']*'|(?:javascript|vbscript):[^\s>]*)/gi;

/**
 * What an Odoo `fields.Html` (sanitize=True) stores: scripts, event handlers and script URLs removed,
 * bare text wrapped in a paragraph. Regex based: good enough for a stand-in that is fed test data.
 */
export function sanitizeHtml(html: string): string {
  let out = html.replace(DROPPED_WITH_CONTENT, '').replace(DROPPED_TAGS, '');
  out = out.replace(EVENT_HANDLERS, '').replace(SCRIPT_URLS, '');
  if (out.trim() !== '' && !out.trimStart().startsWith('<')) out = `<p>${out}</p>`;
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'", '#x27': "'" };

/** Plain-text version of an email body, like html2plaintext: blocks become lines, tags go, entities decode. */
export function htmlToText(html: string): string {
  const withBreaks = html
    .replace(DROPPED_WITH_CONTENT, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr|blockquote|ul|ol|table)>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '* ')
    .replace(/<[^>]+>/g, '');
  const decoded = withBreaks.replace(/&(#?[a-z0-9]+);/gi, (whole, name: string) => {
    const known = ENTITIES[name.toLowerCase()];
    if (known !== undefined) return known;
    if (/^#\d+$/.test(name)) return String.fromCodePoint(Number(name.slice(1)));
    if (/^#x[0-9a-f]+$/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
    return whole;
  });
  return decoded
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
