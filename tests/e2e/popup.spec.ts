import { test, expect } from './fixtures.ts';

test('the popup opens and names the three systems', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByRole('heading', { name: 'Support Overlay' })).toBeVisible();
});
