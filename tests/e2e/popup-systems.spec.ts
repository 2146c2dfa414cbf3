/**
 * The popup at a glance: each system's state with a one-line fix when something is wrong (GitLab tokens
 * from the GitLab stand-in: expiring, read-only, revoked), a signed-out Firebase, and the quick links.
 */
import { test, expect } from './fixtures.ts';

declare const chrome: typeof import('wxt/browser').browser;

test.describe('a token expiring in 3 days', () => {
  test.use({ gitlabToken: 'expiringSoon' });

  test('the popup flags it with the date and the fix; Firebase says signed out; quick links open the team’s tools', async ({ context, sandbox, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const gitlab = popup.getByRole('listitem', { name: 'GitLab' });
    await expect(gitlab).toContainText('Check');
    await expect(gitlab).toContainText('@mitchell.admin');
    await expect(gitlab).toContainText(/Your token expires on \d{4}-\d\d-\d\d \(in 3 days\): create a new one with scope api before then/);

    const firebase = popup.getByRole('listitem', { name: 'Firebase' });
    await expect(firebase).toContainText('Signed out');
    await expect(firebase).toContainText('Not signed in to Firebase.');

    await expect(popup.getByRole('link', { name: 'Odoo helpdesk' })).toHaveAttribute('href', `${sandbox.odoo.url}/web#model=helpdesk.ticket&view_type=list`);
    await expect(popup.getByRole('link', { name: 'Control Center' })).toHaveAttribute('href', `${sandbox.controlCenter.url}/`);
  });
});

test.describe('a read-only token', () => {
  test.use({ gitlabToken: 'readOnly' });

  test('the popup says it lacks scope api; after a new token, "Check again" shows it connected', async ({ context, sandbox, serviceWorker, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const gitlab = popup.getByRole('listitem', { name: 'GitLab' });
    await expect(gitlab).toContainText('Your token has scope read_api but not api: creating issues will fail.');

    await serviceWorker.evaluate((token) => chrome.storage.local.set({ gitlabToken: token }), sandbox.gitlab.tokens.valid);
    await popup.getByRole('button', { name: 'Check again' }).click();
    await expect(gitlab).toContainText('Connected');
    await expect(gitlab).toContainText(/Token "support-overlay": scopes api; expires on/);
  });
});

test.describe('a revoked token', () => {
  test.use({ gitlabToken: 'revoked' });

  test('the popup says GitLab refused it and what to do', async ({ context, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const gitlab = popup.getByRole('listitem', { name: 'GitLab' });
    await expect(gitlab).toContainText('Not working');
    await expect(gitlab).toContainText('GitLab refused your token (wrong, expired or revoked): create a new one with scope api and paste it in the settings.');
  });
});

test('with nothing configured, the popup points to the settings', async ({ context, serviceWorker, extensionId }) => {
  await serviceWorker.evaluate(() => chrome.storage.local.remove('settings'));
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('listitem', { name: 'Odoo' })).toContainText('Add your Odoo address in the settings.');
  await expect(popup.getByRole('navigation', { name: 'Quick links' })).toContainText('Nothing is set up yet.');
  const opened = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Open the settings' }).click();
  expect((await opened).url()).toBe(`chrome-extension://${extensionId}/options.html`);
});
