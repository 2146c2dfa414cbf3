// Seed of the GitLab stand-in: the team's three projects, the engineer's tokens, and a few bugs to find.

export const GITLAB_USER = { id: 17, username: 'mitchell.admin', name: 'Mitchell Admin' } as const;

export const GITLAB_PROJECTS = {
  bugs: { id: 101, path: 'tmf/bugs', name: 'bugs' },
  incidents: { id: 102, path: 'tmf/incidents', name: 'incidents' },
  integration: { id: 103, path: 'tmf/integration', name: 'integration' },
  /** Exists, but the engineer is no member: answers 404 like GitLab does for "no access". */
  secret: { id: 104, path: 'tmf/finance', name: 'finance' },
} as const;

/** Personal access tokens the stand-in knows (the engineer's, with different scopes and lifetimes). */
export const GITLAB_TOKENS = {
  valid: 'glpat-sandbox-engineer-api',
  readOnly: 'glpat-sandbox-read-api-only',
  expiringSoon: 'glpat-sandbox-expires-in-3-days',
  expired: 'glpat-sandbox-expired',
  revoked: 'glpat-sandbox-revoked',
} as const;

export interface SeedBug {
  title: string;
  description: string;
  state: 'opened' | 'closed';
  labels: string[];
  daysAgo: number;
}

/** iid = index + 1 in tmf/bugs. */
export const SEED_BUGS: readonly SeedBug[] = [
  {
    title: 'Ending a reservation fails: could not determine the start status',
    description:
      'When a reservation was started while the cloudboxx was offline and the member had no Bluetooth, ending it fails with "Could not determine the start status of this reservation". The backend finds no logbook events.',
    state: 'opened',
    labels: ['bug', 'backend'],
    daysAgo: 40,
  },
  {
    title: 'Fuel level in the app stays at full after refuelling',
    description: 'The app shows the tank as full while the gauge in the car shows a quarter. The cloudboxx reports a stale fuel level.',
    state: 'opened',
    labels: ['bug', 'app'],
    daysAgo: 25,
  },
  {
    title: 'Start status of a reservation wrong after an offline start',
    description: 'An older report: the start status of a reservation was taken from the previous trip. Fixed in 4.2.',
    state: 'closed',
    labels: ['bug', 'backend'],
    daysAgo: 200,
  },
  {
    title: 'Booking calendar ignores maintenance blocks',
    description: 'Cars in maintenance are shown as available in the booking calendar.',
    state: 'opened',
    labels: ['bug', 'calendar'],
    daysAgo: 12,
  },
];
