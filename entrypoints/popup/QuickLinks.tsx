/**
 * The popup's quick links: the team's Odoo helpdesk ticket list and Control Center, as configured.
 * Before anything is configured, the one link that matters: the settings page.
 */
import { useEffect } from 'react';
import { browser } from '#imports';
import { followSettings, useSettings } from '@/components/useSettings';
import type { Settings } from '@/lib/settings';

/** The ticket list of an Odoo; 16 and 17 route it by hash, 18+ turn this legacy URL into their own. */
export function helpdeskListUrl(origin: string): string {
  return `${origin}/web#model=helpdesk.ticket&view_type=list`;
}

export function quickLinks(settings: Settings): Array<{ label: string; href: string }> {
  const odoo = settings.odooOrigins.map((origin) => ({
    label: settings.odooOrigins.length > 1 ? `Odoo helpdesk (${new URL(origin).host})` : 'Odoo helpdesk',
    href: helpdeskListUrl(origin),
  }));
  const controlCenter = settings.controlCenter.origin ? [{ label: 'Control Center', href: `${settings.controlCenter.origin}/` }] : [];
  return [...odoo, ...controlCenter];
}

export function QuickLinks() {
  const { settings, loaded } = useSettings();
  useEffect(() => {
    void followSettings();
  }, []);
  if (!loaded) return null;
  const links = quickLinks(settings);
  return (
    <nav className="quick-links" aria-label="Quick links">
      {links.length === 0 ? (
        <p>
          Nothing is set up yet.{' '}
          <button type="button" className="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
            Open the settings
          </button>{' '}
          or import your team’s configuration there.
        </p>
      ) : (
        <ul>
          {links.map((link) => (
            <li key={link.href}>
              <a href={link.href} target="_blank" rel="noreferrer">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
