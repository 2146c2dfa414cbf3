// Each GitLab failure: one sentence in the wizard, nothing created, the ticket untouched, the draft kept.
import { test, expect } from './fixtures.ts';
import type { GitLabFailure } from '../sandbox/gitlab/server.ts';
import { expectNothingChanged, openTicket } from './gitlab-helpers.ts';

async function createIncident(page: import('@playwright/test').Page, sandbox: import('../sandbox/index.ts').Sandbox, title?: string) {
  const { wizard } = await openTicket(page, sandbox);
  if (title !== undefined) await wizard.getByLabel('Title').fill(title);
  await wizard.getByRole('button', { name: 'Create the incident in GitLab' }).click();
  return wizard;
}

const failures: Array<[string, GitLabFailure, RegExp]> = [
  ['GitLab asks to wait (429)', { status: 429, retryAfter: 120, method: 'POST' }, /GitLab asks to wait 2 minutes \(too many requests\)/],
  ['GitLab down (502)', { status: 502, method: 'POST' }, /GitLab is not answering properly \(error 502\): it may be down or being updated/],
  ['GitLab error (500)', { status: 500, method: 'POST' }, /error 500/],
  ['network down', { status: 'network', method: 'POST' }, /GitLab at http:\/\/127\.0\.0\.1:\d+ could not be reached \(network down or wrong address\?\)/],
];

test.describe('with a valid token', () => {
  test.use({ gitlabToken: 'valid' });

  for (const [name, failure, sentence] of failures) {
    test(`${name}: a sentence, nothing created, the draft kept`, async ({ context, sandbox }) => {
      sandbox.gitlab.failNext(failure);
      const page = await context.newPage();
      const wizard = await createIncident(page, sandbox, 'Calendar shows cars in maintenance as free');
      await expect(wizard.getByRole('alert')).toContainText(sentence);
      await expect(wizard.locator('[data-step="create"]')).toHaveAttribute('data-status', 'failed');
      await expect(wizard.getByLabel('Title')).toHaveValue('Calendar shows cars in maintenance as free');
      expectNothingChanged(sandbox);
    });
  }

  test('429: the retry waits for Retry-After, then resumes', async ({ context, sandbox }) => {
    sandbox.gitlab.failNext({ status: 429, retryAfter: 3, method: 'POST' });
    const page = await context.newPage();
    const wizard = await createIncident(page, sandbox);
    await expect(wizard.getByRole('alert')).toContainText('GitLab asks to wait 3 seconds');
    await expect(wizard.getByRole('button', { name: /^Retry in \d s$/ })).toBeDisabled();
    const requests = sandbox.gitlab.requests().length;
    await expect(wizard.getByRole('button', { name: 'Retry from the failed step' })).toBeEnabled({ timeout: 6_000 });
    expect(sandbox.gitlab.requests().length).toBe(requests); // nothing asked of GitLab while it said to wait
    await wizard.getByRole('button', { name: 'Retry from the failed step' }).click();
    await expect(wizard.getByRole('status')).toContainText('Done');
    expect(sandbox.gitlab.issues('tmf/incidents')).toHaveLength(1);
  });

  test('400: GitLab names the field; the engineer corrects the draft and retries', async ({ context, sandbox }) => {
    const page = await context.newPage();
    const long = `Calendar ${'very '.repeat(60)}long title`;
    const wizard = await createIncident(page, sandbox, long);
    await expect(wizard.getByRole('alert')).toContainText('GitLab did not accept the issue: title is too long (maximum is 255 characters). Correct it and try again.');
    await expect(wizard.getByLabel('Title')).toHaveValue(long);
    expectNothingChanged(sandbox);
    await wizard.getByLabel('Title').fill('Calendar shows cars in maintenance as free');
    await wizard.getByRole('button', { name: 'Retry from the failed step' }).click();
    await expect(wizard.getByRole('status')).toContainText('Done');
    expect(sandbox.gitlab.issues('tmf/incidents').map((i) => i.title)).toEqual(['Calendar shows cars in maintenance as free']);
  });

  test('404: the incidents project is not found or not accessible', async ({ context, sandbox, serviceWorker }) => {
    await serviceWorker.evaluate(async () => {
      const chromeApi = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      const { settings } = (await chromeApi.storage.local.get('settings')) as { settings: { gitlab: { projects: Record<string, string> } } };
      settings.gitlab.projects.incidents = 'tmf/finance';
      await chromeApi.storage.local.set({ settings });
    });
    const page = await context.newPage();
    const wizard = await createIncident(page, sandbox);
    await expect(wizard.getByRole('alert')).toContainText(
      'GitLab project “tmf/finance” was not found, or you have no access to it: check the project path in the settings, or ask for access.',
    );
    expectNothingChanged(sandbox);
  });
});

test.describe('token refused (401)', () => {
  test.use({ gitlabToken: 'expired' });
  test('an expired token: says so and how to replace it', async ({ context, sandbox }) => {
    const page = await context.newPage();
    const wizard = await createIncident(page, sandbox);
    await expect(wizard.getByRole('alert')).toContainText('Your GitLab token has expired: create a new personal access token with scope api');
    expectNothingChanged(sandbox);
  });
});

test.describe('token without the api scope (403 insufficient_scope)', () => {
  test.use({ gitlabToken: 'readOnly' });
  test('a read_api token: says it lacks the api scope', async ({ context, sandbox }) => {
    const page = await context.newPage();
    const wizard = await createIncident(page, sandbox);
    await expect(wizard.getByRole('alert')).toContainText('Your GitLab token can only read (it lacks the api scope)');
    expectNothingChanged(sandbox);
  });
});

test.describe('no token yet', () => {
  test('the draft is shown, creating asks for the token first', async ({ context, sandbox }) => {
    const page = await context.newPage();
    const wizard = await createIncident(page, sandbox);
    await expect(wizard.getByRole('alert')).toContainText('Add your GitLab personal access token (scope api)');
    expect(sandbox.gitlab.requests()).toHaveLength(0);
    expectNothingChanged(sandbox);
  });
});
