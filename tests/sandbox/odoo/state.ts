// What one running stand-in holds besides its records.
import type { Database } from './database.ts';
import type { FlavourNames, HelpdeskFlavour, OdooVersion } from './models.ts';

/** An email Odoo would have sent (the stand-in never sends mail). */
export interface SentEmail {
  ticketId: number;
  /** The ticket's stage when the email went out. */
  stageName: string;
  /** Name of the mail.template used; '' for a message written by hand ("Send message"). */
  template: string;
  to: string;
  subject: string;
  /** Plain text, like html2plaintext. */
  body: string;
  bodyHtml: string;
  /** ISO 8601 time of sending. */
  at: string;
}

export type AccessOperation = 'read' | 'write' | 'create' | 'unlink';

export interface SandboxState {
  db: Database;
  flavour: HelpdeskFlavour;
  version: OdooVersion;
  salesInstalled: boolean;
  names: FlavourNames;
  outbox: SentEmail[];
  /** `${model}:${operation}` pairs that raise AccessError. */
  denied: Set<string>;
}

export const SUBTYPES = { discussion: 1, note: 2, activities: 3, ticketCreated: 4, stageChanged: 5 } as const;

export const ACTIVITY_TYPES: Readonly<Record<string, number>> = {
  'mail.mail_activity_data_email': 1,
  'mail.mail_activity_data_call': 2,
  'mail.mail_activity_data_meeting': 3,
  'mail.mail_activity_data_todo': 4,
  'mail.mail_activity_data_upload_document': 5,
};
