/**
 * Security rules of the sandbox Realtime Database (the `database.rules.json` shape: one root `rules` key).
 *
 * - Reading anything needs a signed-in user (`auth != null`), like the production database.
 * - Writing needs a signed-in user who is not the read-only account. Rules cascade (a grant higher up cannot be
 *   taken back lower down), so the read-only exception has to sit in every `.write` that grants.
 * - `/reservationDetails/$reservationId/originalStartStatus` is where the start-status repair writes: open to
 *   the same signed-in engineers, and it must hold a status object (not a bare number or string).
 *
 * To produce a PERMISSION_DENIED write in a test, sign in as the read-only account: any token whose
 * `email` claim is `SANDBOX_READONLY_EMAIL`, e.g.
 *   connectDatabaseEmulator(db, '127.0.0.1', port, { mockUserToken: { sub: 'readonly-1', email: SANDBOX_READONLY_EMAIL } })
 * or an Auth emulator user signed up with that email. It may read everything but write nothing.
 */

/** Email of the sandbox account that may read but never write. */
export const SANDBOX_READONLY_EMAIL = 'readonly@sandbox.test';

const signedIn = 'auth != null';
const mayWrite = `auth != null && auth.token.email != '${SANDBOX_READONLY_EMAIL}'`;

export const SANDBOX_RULES = {
  rules: {
    '.read': signedIn,
    '.write': mayWrite,
    reservationDetails: {
      $reservationId: {
        originalStartStatus: {
          '.write': mayWrite,
          // A copied car status is an object; deleting it (null) skips .validate, as in Firebase.
          '.validate': 'newData.hasChildren()',
        },
      },
    },
  },
} as const;
