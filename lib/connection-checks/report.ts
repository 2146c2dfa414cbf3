/**
 * What a settings-page "test" button found: a verdict and the facts, one sentence each, in the order the
 * engineer should read them (the first line says the most important thing).
 */
export interface CheckReport {
  verdict: 'ok' | 'warning' | 'error';
  lines: string[];
}

export function report(verdict: CheckReport['verdict'], ...lines: string[]): CheckReport {
  return { verdict, lines };
}

/** The worst of several verdicts. */
export function worst(...verdicts: CheckReport['verdict'][]): CheckReport['verdict'] {
  if (verdicts.includes('error')) return 'error';
  if (verdicts.includes('warning')) return 'warning';
  return 'ok';
}
