// Ticket priority as Odoo stars (TRIAGE). Odoo's priority is a selection '0'..'3';
// '0' means no star yet, i.e. the priority has not been assessed.

export type Stars = 1 | 2 | 3;

export const STAR_MEANING: Readonly<Record<Stars, string>> = {
  1: 'within 2–5 business days',
  2: 'within 1 business day',
  3: 'immediate attention',
};

export function starsFromOdooPriority(priority: string): Stars | null {
  switch (priority.trim()) {
    case '1':
      return 1;
    case '2':
      return 2;
    case '3':
      return 3;
    default:
      return null;
  }
}

export function odooPriorityFromStars(stars: Stars): '1' | '2' | '3' {
  return String(stars) as '1' | '2' | '3';
}
