import { describe, expect, it } from 'vitest';
import { issueNoteText, issuesInNotes } from './issue-note';
import { plainTextToHtml } from '../odoo/helpdesk';

describe('GitLab issues recorded on the ticket', () => {
  const note = issueNoteText({
    kind: 'incident', projectPath: 'tmf/incidents', iid: 3, webUrl: 'https://gitlab.example.com/tmf/incidents/-/issues/3', severity: 'high',
    knownBug: { projectPath: 'tmf/bugs', iid: 1 },
  });

  it('says what was logged, its severity and link, with a marked line', () => {
    expect(note).toBe(
      'Support Overlay: logged incident tmf/incidents#3 in GitLab (severity High – S2), linked to bug tmf/bugs#1.\nGitLab issue: https://gitlab.example.com/tmf/incidents/-/issues/3',
    );
  });

  it('finds them again in notes as Odoo 16 (escaped HTML with links) and 17+ store them, once each', () => {
    const bodies = [plainTextToHtml(note), `<p>${note.replace('\n', '<br>')}</p>`, '<p>GitLab issue: not a url</p>', 'Mentioned https://gitlab.example.com/tmf/bugs/-/issues/1'];
    expect(issuesInNotes(bodies)).toEqual([
      { host: 'gitlab.example.com', projectPath: 'tmf/incidents', iid: 3, webUrl: 'https://gitlab.example.com/tmf/incidents/-/issues/3' },
    ]);
  });
});
