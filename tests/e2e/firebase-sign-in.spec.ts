import { test, expect } from './fixtures.ts';
import { SANDBOX_ACCOUNTS } from '../sandbox/auth-emulator.ts';

test.describe('Firebase sign-in in the popup, against the Auth emulator', () => {
  test('signs in with email and password, shows who, and signs out', async ({ context, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByRole('listitem', { name: 'Firebase' })).toContainText('Not signed in to Firebase');

    const form = popup.getByRole('form', { name: 'Sign in to Firebase' });
    await form.getByLabel('Email').fill(SANDBOX_ACCOUNTS.engineer.email);
    await form.getByLabel('Password').fill(SANDBOX_ACCOUNTS.engineer.password);
    await form.getByRole('button', { name: 'Sign in to Firebase' }).click();

    await expect(popup.getByTestId('firebase-email')).toHaveText(SANDBOX_ACCOUNTS.engineer.email);
    const firebase = popup.getByRole('listitem', { name: 'Firebase' });
    await expect(firebase).toContainText('Connected');
    await expect(firebase).toContainText(SANDBOX_ACCOUNTS.engineer.email);

    // The session lives in the extension: a new popup still knows the engineer.
    await popup.reload();
    await expect(popup.getByTestId('firebase-email')).toHaveText(SANDBOX_ACCOUNTS.engineer.email);

    await popup.getByRole('button', { name: 'Sign out of Firebase' }).click();
    await expect(popup.getByRole('form', { name: 'Sign in to Firebase' })).toBeVisible();
    await expect(popup.getByRole('listitem', { name: 'Firebase' })).toContainText('Not signed in to Firebase');
  });

  test('a wrong password gets a sentence and keeps what was typed', async ({ context, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const form = popup.getByRole('form', { name: 'Sign in to Firebase' });
    await form.getByLabel('Email').fill(SANDBOX_ACCOUNTS.engineer.email);
    await form.getByLabel('Password').fill('not-my-password');
    await form.getByRole('button', { name: 'Sign in to Firebase' }).click();
    await expect(popup.getByRole('alert')).toHaveText(`The password for ${SANDBOX_ACCOUNTS.engineer.email} is wrong. Type it again.`);
    await expect(form.getByLabel('Email')).toHaveValue(SANDBOX_ACCOUNTS.engineer.email);
    await expect(form.getByLabel('Password')).toHaveValue('not-my-password');
    await expect(popup.getByRole('listitem', { name: 'Firebase' })).toContainText('Not signed in to Firebase');
  });

  test('an unknown account gets a sentence', async ({ context, extensionId }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const form = popup.getByRole('form', { name: 'Sign in to Firebase' });
    await form.getByLabel('Email').fill('nobody@sandbox.test');
    await form.getByLabel('Password').fill('whatever-1');
    await form.getByRole('button', { name: 'Sign in to Firebase' }).click();
    await expect(popup.getByRole('alert')).toHaveText(
      'There is no Firebase account nobody@sandbox.test in project demo-support. Check the email, or ask an administrator for an account.',
    );
  });

  test('an unreachable Auth service gets the network sentence', async ({ context, extensionId, serviceWorker, sandbox }) => {
    // The same settings, with the Auth emulator's address pointing at a port where nothing listens.
    await serviceWorker.evaluate(async (settings) => {
      await chrome.storage.local.set({ settings });
    }, { ...sandbox.settings, firebase: { ...sandbox.settings.firebase, emulators: { ...sandbox.settings.firebase.emulators, auth: '127.0.0.1:9' } } });
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const form = popup.getByRole('form', { name: 'Sign in to Firebase' });
    await form.getByLabel('Email').fill(SANDBOX_ACCOUNTS.engineer.email);
    await form.getByLabel('Password').fill(SANDBOX_ACCOUNTS.engineer.password);
    await form.getByRole('button', { name: 'Sign in to Firebase' }).click();
    await expect(popup.getByRole('alert')).toHaveText('Firebase could not be reached: check your network connection and try again.');
  });
});

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };
