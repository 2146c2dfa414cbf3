// Incident severity, as GitLab knows it. Policy: when unsure, choose the higher one.

export type Severity = 'critical' | 'high' | 'medium' | 'low';

export type GitLabGraphqlSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

export interface SeverityOption {
  value: Severity;
  /** GitLab's own UI label. */
  label: string;
}

/** Highest first, as GitLab lists them. */
export const SEVERITIES: readonly SeverityOption[] = [
  { value: 'critical', label: 'Critical – S1' },
  { value: 'high', label: 'High – S2' },
  { value: 'medium', label: 'Medium – S3' },
  { value: 'low', label: 'Low – S4' },
];

export const SEVERITY_POLICY =
  'Give the incident a severity. If you are not sure which level to choose, choose the higher one.';

function rank(severity: Severity): number {
  return SEVERITIES.findIndex((option) => option.value === severity);
}

export function severityLabel(severity: Severity): string {
  return SEVERITIES[rank(severity)]?.label ?? severity;
}

export function resolveSeverity(choice: Severity | { unsureBetween: [Severity, Severity] }): Severity {
  if (typeof choice === 'string') return choice;
  const [a, b] = choice.unsureBetween;
  return rank(a) <= rank(b) ? a : b;
}

/** For GraphQL `issueSetSeverity` (enum `IssuableSeverity`). REST create takes the lowercase value itself. */
export function toGitLabGraphql(severity: Severity): GitLabGraphqlSeverity {
  return severity.toUpperCase() as GitLabGraphqlSeverity;
}

/** GitLab answers "UNKNOWN", "HIGH", …; anything not set or not recognised is 'unknown'. */
export function fromGitLab(value: string): Severity | 'unknown' {
  const lower = value.trim().toLowerCase();
  return SEVERITIES.some((option) => option.value === lower) ? (lower as Severity) : 'unknown';
}
