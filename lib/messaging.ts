/**
 * One typed protocol for content scripts ↔ background ↔ extension pages (popup, options).
 *
 * Content scripts send intents ("compute this deadline", "who am I on GitLab"), never tokens, URLs or
 * headers. Every message names who may send it; the receiver decides the sender's audience from the
 * browser-provided `sender` (never from the message itself) and refuses anyone else. Nothing listens to
 * `window.postMessage`: the page is never trusted.
 */
import { browser, type Browser } from '#imports';
import type { Settings } from './settings';
import { isControlCenterOrigin, isOdooOrigin } from './configured-origins';
import type {
  CarStatus,
  InspectAnswer,
  LinkedTicket,
  RepairAnswer,
  RepairIdsAsked,
  RepairIncident,
  RepairIncidentAnswer,
  RepairRecord,
  TicketNoteOutcome,
  UndoAnswer,
} from './firebase/repair-types';
import type { CheckReport } from './connection-checks/report';

import type { IssueDraft, IssueKind, TicketFacts } from './gitlab/draft-types';
import type { IssueSummary } from './gitlab/issues';
import type { IncidentCause } from './support-process/incident';
import type { Severity } from './support-process/severity';
import type { IssueRecord, OdooStep, SecondLineKind, TicketWorkflow } from './workflows/types';

/** Who sent a message, as decided from `sender`. */
export type Audience = 'extension' | 'odoo' | 'control-center';

export interface SystemState {
  /** Short state: connected, signed out, not configured, error. */
  state: 'ok' | 'warning' | 'signed-out' | 'not-configured' | 'error';
  /** Who you are there, when known. */
  who?: string;
  /** One line: what is wrong and how to fix it, or extra facts. */
  detail?: string;
}

export interface SystemsStatus {
  odoo: SystemState;
  gitlab: SystemState;
  firebase: SystemState;
}

/** The Firebase account the engineer is signed in with, as the popup shows it. */
export interface FirebaseAccount {
  /** False until the Firebase project is in the settings. */
  configured: boolean;
  projectId: string;
  email: string | null;
}

/** Messages handled by the background: request, response, and who may send them. */
export interface BackgroundProtocol {
  /** Business-day deadline (holiday data lives only in the background). Dates as ISO strings. */
  'deadline.compute': { request: { stars: 1 | 2 | 3; openedAt: string }; response: { due: string; target?: string } };
  /** The popup's "who am I on each system". */
  'systems.status': { request: Record<string, never>; response: SystemsStatus };
  /** Opens the settings page (from the sidebar's "map this stage" link, for instance). */
  'options.open': { request: { section?: string }; response: null };
  /** The draft of a GitLab issue from the ticket (Markdown from its HTML), for the engineer to edit. */
  'gitlab.draft': { request: { kind: IssueKind; ticket: TicketFacts; severity?: Severity }; response: { draft: IssueDraft; searchWords: string[] } };
  /** Known bugs: by words (search), by issue number, or by a pasted issue URL. */
  'gitlab.findBugs': { request: { query: string }; response: { by: 'words' | 'number' | 'url'; issues: IssueSummary[] } };
  /** The live state of the ticket's recorded GitLab issues. */
  'gitlab.issues': {
    request: { refs: Array<{ host: string; projectPath: string; iid: number }> };
    response: Array<{ projectPath: string; iid: number; issue?: IssueSummary; error?: string }>;
  };
  /**
   * Starts (or, if one exists, resumes) a GitLab workflow of the ticket: the incident decision (`cause`), or
   * without `cause` a 2nd line issue (bug, need, script to fix) that leaves the stage as it is.
   */
  'workflows.start': { request: { ticket: TicketFacts; cause?: IncidentCause; draft: IssueDraft; knownBug?: IssueRecord }; response: TicketWorkflow };
  /** Resumes from the failed step; `draft` replaces the draft while nothing is created yet. `kind`: a 2nd line issue. */
  'workflows.retry': { request: { ticketId: number; kind?: SecondLineKind; draft?: IssueDraft }; response: TicketWorkflow };
  /** A workflow of the ticket (incident, or the 2nd line `kind`), or null; runs any of its Odoo steps that waited for the ticket's tab. */
  'workflows.forTicket': { request: { ticketId: number; kind?: SecondLineKind }; response: TicketWorkflow | null };
  /** Unfinished workflows, for the popup's pending work. */
  'workflows.pending': { request: Record<string, never>; response: TicketWorkflow[] };
  /** Firebase sign-in with the engineer's own account; the password is typed only in an extension page. */
  'firebase.signIn': { request: { email: string; password: string }; response: { email: string } };
  'firebase.signOut': { request: Record<string, never>; response: null };
  /** Who is signed in to Firebase (for the popup's sign-in form). */
  'firebase.account': { request: Record<string, never>; response: FirebaseAccount };
  /** From the Control Center dialog: open the popup page where the engineer signs in. */
  'firebase.openSignIn': { request: Record<string, never>; response: null };
  /** Start-status repair (Control Center dialog): what would be written, or why not. Reads only. */
  'startStatus.inspect': { request: RepairIdsAsked; response: InspectAnswer };
  /** Saves the backup file, then writes the status the engineer confirmed (only while the start status is null). */
  'startStatus.repair': { request: { carId: string; reservationId: string; confirmed: CarStatus }; response: RepairAnswer };
  'startStatus.undo': { request: { reservationId: string }; response: UndoAnswer };
  /** The last repair of this reservation remembered by the extension, or null. */
  'startStatus.record': { request: { reservationId: string }; response: RepairRecord | null };
  /** The engineer ended the reservation in Control Center: the repair can no longer be undone. */
  'startStatus.markEnded': { request: { reservationId: string }; response: RepairRecord };
  /** The QNR of the repaired reservation's car was switched to mock-{QNR}: pending work until restored. */
  'qnr.switchedToMock': { request: { reservationId: string; qnr: string }; response: RepairRecord };
  'qnr.restored': { request: { reservationId: string }; response: RepairRecord };
  /**
   * From the sidebar's start-status playbook: remember that the reservation is repaired for the ticket this tab
   * shows (origin and address from `sender`), and open the reservation's Control Center page.
   */
  'repairTicket.openFromSidebar': { request: { reservationId: string; ticketId: number; ref: string | null; name: string }; response: null };
  /** The ticket the reservation's repair is for, or null. */
  'repairTicket.get': { request: { reservationId: string }; response: LinkedTicket | null };
  /** Links the ticket of a pasted Odoo address (a configured origin only); a live repair's audit note is posted on it. */
  'repairTicket.link': { request: { reservationId: string; ticketUrl: string }; response: { ticket: LinkedTicket; ticketNote?: TicketNoteOutcome } };
  'repairTicket.unlink': { request: { reservationId: string }; response: null };
  /** The prefilled incident for the cause behind the repair (audit facts only), or the one already created. */
  'repairIncident.draft': {
    request: { reservationId: string };
    response: { project: string; title: string; description: string; incident?: RepairIncident };
  };
  /** Creates it (confidential, configured incidents project), once per repair; notes its link on the linked ticket. */
  'repairIncident.create': { request: { reservationId: string; title: string; description: string; severity: Severity }; response: RepairIncidentAnswer };
  /** A settings-page "test" button, on the values as typed (not yet saved). Empty token = the stored one. */
  'connection.check': {
    request:
      | { system: 'gitlab'; gitlab: Settings['gitlab']; token: string }
      | { system: 'odoo'; origin: string }
      | { system: 'firebase'; firebase: Settings['firebase'] };
    response: CheckReport;
  };
}

export const BACKGROUND_AUDIENCES: { [K in keyof BackgroundProtocol]: readonly Audience[] } = {
  'deadline.compute': ['odoo', 'extension'],
  'systems.status': ['extension'],
  'options.open': ['odoo', 'control-center', 'extension'],
  'gitlab.draft': ['odoo'],
  'gitlab.findBugs': ['odoo'],
  'gitlab.issues': ['odoo', 'extension'],
  'workflows.start': ['odoo'],
  'workflows.retry': ['odoo', 'extension'],
  'workflows.forTicket': ['odoo'],
  'workflows.pending': ['extension'],
  'firebase.signIn': ['extension'],
  'firebase.signOut': ['extension'],
  'firebase.account': ['extension'],
  'firebase.openSignIn': ['control-center'],
  'startStatus.inspect': ['control-center'],
  'startStatus.repair': ['control-center'],
  'startStatus.undo': ['control-center'],
  'startStatus.record': ['control-center'],
  'startStatus.markEnded': ['control-center'],
  'qnr.switchedToMock': ['control-center'],
  'qnr.restored': ['control-center', 'extension'],
  'connection.check': ['extension'],
  'repairTicket.openFromSidebar': ['odoo'],
  'repairTicket.get': ['control-center'],
  'repairTicket.link': ['control-center'],
  'repairTicket.unlink': ['control-center'],
  'repairIncident.draft': ['control-center'],
  'repairIncident.create': ['control-center'],
};

/** Messages the background sends to a content script in a tab. */
export interface TabProtocol {
  /** Is the sidebar already living in this tab's document? (It answers; a tab without it does not.) */
  'odoo.sidebarPresent': { request: Record<string, never>; response: true };
  /** A workflow's Odoo step, run in the tab showing the ticket; `ran: false` when this tab shows another ticket. */
  'odoo.runStep': { request: { ticketId: number; step: OdooStep }; response: { ran: boolean; result?: string } };
}

export type MessageType = keyof BackgroundProtocol;
export type Request<K extends MessageType> = BackgroundProtocol[K]['request'];
export type Response<K extends MessageType> = BackgroundProtocol[K]['response'];

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

interface Envelope {
  type: string;
  payload: unknown;
}

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && typeof (message as Envelope).type === 'string';
}

/** An error whose message is the sentence to show the engineer. */
export class MessageError extends Error {}

async function unwrap<T>(reply: Reply<T> | undefined): Promise<T> {
  if (!reply) throw new MessageError('The extension did not answer. Reload the page; if it persists, reload the extension.');
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.value;
}

/** Sends an intent to the background and returns its answer, or throws a MessageError to show as is. */
export async function sendToBackground<K extends MessageType>(type: K, payload: Request<K>): Promise<Response<K>> {
  const reply = (await browser.runtime.sendMessage({ type, payload } satisfies Envelope)) as Reply<Response<K>> | undefined;
  return unwrap(reply);
}

/** Background → a content script in one tab. */
export async function sendToTab<K extends keyof TabProtocol>(
  tabId: number,
  type: K,
  payload: TabProtocol[K]['request'],
): Promise<TabProtocol[K]['response']> {
  const reply = (await browser.tabs.sendMessage(tabId, { type, payload } satisfies Envelope)) as
    | Reply<TabProtocol[K]['response']>
    | undefined;
  return unwrap(reply);
}

/**
 * The audience of a sender, or null when it is none of ours: another extension, a page of an origin that
 * is not configured, or anything without a verifiable URL.
 */
export function senderAudience(
  sender: Browser.runtime.MessageSender,
  ours: { extensionId: string; settings: Settings; extensionOrigin?: string },
): Audience | null {
  if (sender.id !== ours.extensionId) return null;
  const url = sender.url;
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Chrome's page host is the extension id; Firefox's is a per-install UUID (the origin of runtime.getURL).
  // Spelled out: URL.origin is "null" for these schemes outside the browser that owns them.
  const pageOrigin = `${parsed.protocol}//${parsed.host}`;
  const ownPage = parsed.host === ours.extensionId || pageOrigin === ours.extensionOrigin;
  if (ownPage && /^(chrome|moz)-extension:$/.test(parsed.protocol)) return 'extension';
  // Chrome gives the frame's origin; Firefox only its URL.
  const origin = (sender as { origin?: string }).origin ?? parsed.origin;
  if (isOdooOrigin(ours.settings, origin)) return 'odoo';
  if (isControlCenterOrigin(ours.settings, origin)) return 'control-center';
  return null;
}

/** The origin of the tab that sent an intent, from the browser's `sender` (never from the message). */
export function senderOrigin(sender: { url?: string; origin?: string }): string {
  const origin = sender.origin ?? (sender.url ? new URL(sender.url).origin : '');
  if (!origin) throw new Error('Refused: the ticket’s page is unknown.');
  return origin;
}

export type BackgroundHandlers = {
  [K in MessageType]: (payload: Request<K>, context: { audience: Audience; sender: Browser.runtime.MessageSender }) => Promise<Response<K>>;
};

/** Turns a thrown error into the sentence the engineer reads. */
function sentence(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong in the extension. Try again; if it persists, reload the extension.';
}

/**
 * Dispatches one incoming message: checks the type and the sender's audience, then runs the handler.
 * Exported for tests; `listenInBackground` wires it to `runtime.onMessage`.
 */
export async function dispatch(
  message: unknown,
  sender: Browser.runtime.MessageSender,
  handlers: BackgroundHandlers,
  ours: { extensionId: string; settings: () => Promise<Settings>; extensionOrigin?: string },
): Promise<Reply<unknown>> {
  if (!isEnvelope(message) || !(message.type in BACKGROUND_AUDIENCES)) {
    return { ok: false, error: 'The extension does not know this request.' };
  }
  const type = message.type as MessageType;
  const audience = senderAudience(sender, { extensionId: ours.extensionId, extensionOrigin: ours.extensionOrigin, settings: await ours.settings() });
  if (!audience || !BACKGROUND_AUDIENCES[type].includes(audience)) {
    return { ok: false, error: 'Refused: this page is not one the extension is configured for.' };
  }
  try {
    const handler = handlers[type] as (payload: unknown, context: { audience: Audience; sender: Browser.runtime.MessageSender }) => Promise<unknown>;
    return { ok: true, value: await handler(message.payload, { audience, sender }) };
  } catch (error) {
    return { ok: false, error: sentence(error) };
  }
}

export function listenInBackground(handlers: BackgroundHandlers, settings: () => Promise<Settings>): void {
  const extensionId = browser.runtime.id;
  const ownUrl = new URL(browser.runtime.getURL('/'));
  const extensionOrigin = `${ownUrl.protocol}//${ownUrl.host}`;
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    dispatch(message, sender, handlers, { extensionId, extensionOrigin, settings }).then(sendResponse);
    return true; // answer asynchronously
  });
}

export type TabHandlers = Partial<{
  [K in keyof TabProtocol]: (payload: TabProtocol[K]['request']) => Promise<TabProtocol[K]['response']>;
}>;

/**
 * In a content script: answers the background's requests only (sender is our extension and not a tab).
 * Returns the function that stops listening (tie it to the content script's lifetime).
 */
export function listenInContent(handlers: TabHandlers): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (reply: Reply<unknown>) => void) => {
    if (sender.id !== browser.runtime.id || sender.tab) return false;
    if (!isEnvelope(message)) return false;
    const handler = handlers[message.type as keyof TabProtocol] as ((payload: unknown) => Promise<unknown>) | undefined;
    if (!handler) return false;
    handler(message.payload).then(
      (value) => sendResponse({ ok: true, value }),
      (error: unknown) => sendResponse({ ok: false, error: sentence(error) }),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
