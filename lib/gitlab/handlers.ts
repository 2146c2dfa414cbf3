/**
 * The background's GitLab intents from the sidebar: a draft from the ticket, known bugs by words,
 * number or URL, the live state of recorded issues. The token never leaves the background.
 */
import type { BackgroundHandlers } from '../messaging';
import { settingsItem, type Settings } from '../settings';
import { connectGitLab } from './client';
import { draftIssue, searchWords } from './draft';
import { GitLabError } from './errors';
import { issueFromUrl } from './issue-url';
import { readIssue, searchBugs } from './issues';

function sentence(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'GitLab could not be asked. Try again.';
}

/** Is this URL's host the configured GitLab? Issues elsewhere are not reachable with the engineer's token. */
function onConfiguredHost(settings: Settings, host: string): boolean {
  try {
    return new URL(settings.gitlab.host).host === host;
  } catch {
    return false;
  }
}

export const gitlabHandlers: Pick<BackgroundHandlers, 'gitlab.draft' | 'gitlab.findBugs' | 'gitlab.issues'> = {
  'gitlab.draft': async ({ kind, ticket, severity }) => {
    const settings = await settingsItem.getValue();
    const draft = draftIssue(kind, ticket, settings, severity);
    if (!draft.project) throw new GitLabError('not-configured', 'Add the GitLab project for this kind of issue in the settings first.');
    return { draft, searchWords: searchWords(ticket) };
  },

  'gitlab.findBugs': async ({ query }) => {
    const settings = await settingsItem.getValue();
    const bugs = settings.gitlab.projects.bugs;
    if (!bugs) throw new GitLabError('not-configured', 'Add the GitLab bugs project in the settings first.');
    const text = query.trim();
    const number = /^#?(\d+)$/.exec(text);
    if (number) {
      const gitlab = await connectGitLab(settings);
      return { by: 'number', issues: [await readIssue(gitlab, bugs, Number(number[1]))] };
    }
    if (/^https?:\/\//i.test(text)) {
      const ref = issueFromUrl(text);
      if (!ref) throw new GitLabError('invalid', 'This address is not a GitLab issue: paste the address of the bug’s page (…/-/issues/12).');
      if (!onConfiguredHost(settings, ref.host)) {
        throw new GitLabError('invalid', `This issue is on ${ref.host}, not on your GitLab (${settings.gitlab.host}): paste a bug from your GitLab.`);
      }
      const gitlab = await connectGitLab(settings);
      return { by: 'url', issues: [await readIssue(gitlab, ref.projectPath, ref.iid)] };
    }
    const words = text.split(/\s+/).filter((word) => word.length >= 3);
    if (words.length === 0) throw new GitLabError('invalid', 'Type a few words of the bug (3 letters or more), its number, or paste its address.');
    const gitlab = await connectGitLab(settings);
    return { by: 'words', issues: await searchBugs(gitlab, bugs, words) };
  },

  'gitlab.issues': async ({ refs }) => {
    const settings = await settingsItem.getValue();
    const gitlab = await connectGitLab(settings);
    return Promise.all(
      refs.slice(0, 20).map(async (ref) => {
        if (!onConfiguredHost(settings, ref.host)) {
          return { projectPath: ref.projectPath, iid: ref.iid, error: `On ${ref.host}, not on your GitLab: open it to see its state.` };
        }
        try {
          return { projectPath: ref.projectPath, iid: ref.iid, issue: await readIssue(gitlab, ref.projectPath, ref.iid) };
        } catch (error) {
          return { projectPath: ref.projectPath, iid: ref.iid, error: sentence(error) };
        }
      }),
    );
  },
};
