// The incident wizard and the linked issues pass axe-core (serious/critical) in light and dark, with results and an error shown.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import { openTicket } from './gitlab-helpers.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme, gitlabToken: 'valid' });

    test('incident wizard with search results, severity doubt, a failed step and linked issues', async ({ context, sandbox }) => {
      const page = await context.newPage();
      const { wizard, linked } = await openTicket(page, sandbox);
      await wizard.getByRole('radio', { name: 'Known bug' }).check();
      await wizard.getByRole('button', { name: 'Find' }).click();
      await wizard.getByRole('list', { name: 'Bugs found' }).getByRole('radio').first().check();
      await wizard.getByRole('radio', { name: 'I’m not sure' }).check();
      await expect(linked).toContainText('No GitLab issue recorded');
      const check = async () => {
        const { violations, passes } = await new AxeBuilder({ page }).include('support-overlay-sidebar').analyze();
        expect(passes.length).toBeGreaterThan(0);
        return violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .flatMap((v) => v.nodes.map((node) => `${v.id}: ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`));
      };
      expect(await check()).toEqual([]);

      sandbox.gitlab.failNext({ status: 500, path: '/links' });
      await wizard.getByRole('button', { name: 'Create the incident in GitLab' }).click();
      await expect(wizard.getByRole('alert')).toContainText('Link to the known bug failed');
      expect(await check()).toEqual([]);
    });
  });
}
