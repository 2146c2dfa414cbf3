/**
 * A `fetch` for the background's Odoo calls that runs inside one of the engineer's Odoo tabs: same-origin,
 * with the session cookie Odoo set there (ARCHITECTURE rule 3: Odoo calls run in the Odoo page). It is for
 * calls the background makes on its own, such as the popup's "who am I on Odoo", on any Odoo page.
 */
import { browser } from '#imports';

interface PageAnswer {
  status?: number;
  text?: string;
  error?: string;
}

/** Runs in the tab (the extension's isolated world), so it must stay self-contained: it is serialised. */
async function fetchInPage(url: string, init: RequestInit): Promise<PageAnswer> {
  try {
    const response = await fetch(url, init);
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { error: String(error) };
  }
}

/** Only what a JSON-RPC post needs crosses into the page: method, headers, credentials and a text body. */
function plainInit(init: RequestInit | undefined): RequestInit {
  const plain: RequestInit = { method: init?.method ?? 'GET', headers: Object.fromEntries(new Headers(init?.headers).entries()) };
  if (init?.credentials) plain.credentials = init.credentials;
  if (typeof init?.body === 'string') plain.body = init.body;
  return plain;
}

export function tabFetch(tabId: number): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, func: fetchInPage, args: [url, plainInit(init)] });
    const answer = injection?.result as PageAnswer | undefined;
    // No answer (tab closed, discarded, an error page) or a failed fetch is a network failure, as fetch's own.
    if (!answer || answer.error !== undefined || answer.status === undefined) throw new TypeError(answer?.error ?? 'The Odoo tab did not answer.');
    return new Response(answer.text ?? '', { status: answer.status });
  };
}
