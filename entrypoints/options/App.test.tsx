// The settings page with the fake browser: validation as you type, and Save asking for the company origins
// in the click. The fake browser has no `permissions`: the stand-in answers like Chrome's prompt would
// (granted or refused by the engineer) and records what was asked.
import { beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, gitlabTokenItem, settingsItem } from '@/lib/settings';
import { App } from './App';

let engineerAccepts = true;
let asked: string[][] = [];

beforeEach(() => {
  cleanup();
  fakeBrowser.reset();
  asked = [];
  Object.assign(fakeBrowser.permissions, {
    async request({ origins = [] }: { origins?: string[] }) {
      asked.push(origins);
      return engineerAccepts;
    },
  });
});

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('settings page', () => {
  it('says what is wrong as you type and will not save until it is fixed', async () => {
    render(<App />);
    await screen.findByRole('heading', { name: 'Support Overlay settings' });
    type('Odoo addresses (one per line)', 'odoo.example.com/web');
    expect(screen.getByText('An Odoo address must be an address like https://odoo.example.com (no path).')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save' })).toHaveProperty('disabled', true);
    type('Odoo addresses (one per line)', 'https://odoo.example.com/');
    expect(screen.queryByText(/An Odoo address must be/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Save' })).toHaveProperty('disabled', false);
  });

  it('Save asks for the configured origins; refused, nothing is saved and what was typed stays', async () => {
    engineerAccepts = false;
    render(<App />);
    await screen.findByRole('heading', { name: 'Support Overlay settings' });
    type('Odoo addresses (one per line)', 'https://odoo.example.com');
    type('Control Center address', 'https://cc.example.com');
    type('Your personal access token (scope api)', 'glpat-secret');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The browser did not grant access to these addresses, so nothing was saved. Save again and allow it.')).toBeTruthy();
    expect(asked).toEqual([['https://odoo.example.com/*', 'https://cc.example.com/*', 'https://gitlab.com/*']]);
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
    expect(await gitlabTokenItem.getValue()).toBe('');
    expect(screen.getByLabelText('Odoo addresses (one per line)')).toHaveProperty('value', 'https://odoo.example.com');
  });

  it('Save with access granted stores the settings and the token', async () => {
    engineerAccepts = true;
    render(<App />);
    await screen.findByRole('heading', { name: 'Support Overlay settings' });
    type('Odoo addresses (one per line)', 'https://odoo.example.com/');
    type('Your personal access token (scope api)', ' glpat-secret ');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect((await settingsItem.getValue()).odooOrigins).toEqual(['https://odoo.example.com']);
    expect(await gitlabTokenItem.getValue()).toBe('glpat-secret');
  });

  it('"Test this URL" says which ids the typed patterns read', async () => {
    render(<App />);
    await screen.findByRole('heading', { name: 'Support Overlay settings' });
    type('Control Center address', 'https://cc.example.com');
    type('Where the ids are in its URLs (one pattern per line)', '/booking/:reservationId');
    type('Test this URL', 'https://cc.example.com/admin/booking/R-77?tab=logbook');
    expect(screen.getByText('The repair button would open for reservation R-77.')).toBeTruthy();
    type('Test this URL', 'https://cc.example.com/reservations/R-77');
    expect(screen.getByText(/No pattern finds a car or reservation id in this URL/)).toBeTruthy();
  });
});
