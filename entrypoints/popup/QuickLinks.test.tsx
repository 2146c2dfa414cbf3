import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, settingsItem } from '@/lib/settings';
import { QuickLinks, quickLinks } from './QuickLinks';

describe('popup quick links', () => {
  beforeEach(() => fakeBrowser.reset());

  it('links the configured Odoo helpdesk list and Control Center', () => {
    const settings = { ...DEFAULT_SETTINGS, odooOrigins: ['https://odoo.example.com'], controlCenter: { ...DEFAULT_SETTINGS.controlCenter, origin: 'https://cc.example.com' } };
    expect(quickLinks(settings)).toEqual([
      { label: 'Odoo helpdesk', href: 'https://odoo.example.com/web#model=helpdesk.ticket&view_type=list' },
      { label: 'Control Center', href: 'https://cc.example.com/' },
    ]);
    expect(quickLinks({ ...settings, odooOrigins: ['https://a.example.com', 'https://b.example.com'] }).map((link) => link.label)).toEqual([
      'Odoo helpdesk (a.example.com)',
      'Odoo helpdesk (b.example.com)',
      'Control Center',
    ]);
  });

  it('shows the saved links, and the way to the settings when nothing is set up', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, odooOrigins: ['https://odoo.example.com'] });
    render(<QuickLinks />);
    expect(await screen.findByRole('link', { name: 'Odoo helpdesk' })).toHaveProperty('href', 'https://odoo.example.com/web#model=helpdesk.ticket&view_type=list');
    await settingsItem.setValue(DEFAULT_SETTINGS);
    expect(await screen.findByRole('button', { name: 'Open the settings' })).toBeTruthy();
  });
});
