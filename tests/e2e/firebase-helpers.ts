/** Shared steps of the start-status repair specs. */
import type { BrowserContext } from '@playwright/test';
import { expect } from './fixtures.ts';

/** Signs in to Firebase from the popup, as the engineer does before a repair. */
export async function signInToFirebase(context: BrowserContext, extensionId: string, account: { email: string; password: string }) {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const form = popup.getByRole('form', { name: 'Sign in to Firebase' });
  await form.getByLabel('Email').fill(account.email);
  await form.getByLabel('Password').fill(account.password);
  await form.getByRole('button', { name: 'Sign in to Firebase' }).click();
  await expect(popup.getByTestId('firebase-email')).toHaveText(account.email);
  await popup.close();
}
