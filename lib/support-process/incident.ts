// The incident decision of stage "1st line: incident": which GitLab record to create.

export type IncidentCause = 'new-bug' | 'known-bug' | 'unclear';

/** "When in doubt: create an incident in GitLab." */
export const DEFAULT_INCIDENT_CAUSE: IncidentCause = 'unclear';

export type GitLabRecord =
  | { kind: 'bug-report'; project: 'bugs' }
  | { kind: 'incident'; project: 'incidents'; linkToKnownBug: boolean };

export const INCIDENT_QUESTION = 'Is the cause a new bug, a known bug, or unclear?';

export const INCIDENT_CAUSES: readonly IncidentCause[] = ['new-bug', 'known-bug', 'unclear'];

export const INCIDENT_CAUSE_LABEL: Readonly<Record<IncidentCause, string>> = {
  'new-bug': 'New bug',
  'known-bug': 'Known bug',
  unclear: 'Unclear',
};

/** One line per answer for the wizard, saying what will be created and why. */
export const INCIDENT_CAUSE_EXPLANATION: Readonly<Record<IncidentCause, string>> = {
  'new-bug':
    'The cause is clearly a bug that is not logged yet: create a bug report in GitLab only, no incident as well.',
  'known-bug': 'The cause is a bug already in GitLab: log an incident and link it to that bug report.',
  unclear: 'No clear cause (or in doubt): log an incident in GitLab incidents.',
};

export function decideGitLabRecord(cause: IncidentCause): GitLabRecord {
  switch (cause) {
    case 'new-bug':
      // Never an incident as well: the process spares the time of logging both.
      return { kind: 'bug-report', project: 'bugs' };
    case 'known-bug':
      return { kind: 'incident', project: 'incidents', linkToKnownBug: true };
    case 'unclear':
      return { kind: 'incident', project: 'incidents', linkToKnownBug: false };
  }
}
