import { browser } from '#imports';
import { listenInBackground } from '@/lib/messaging';
import { settingsItem } from '@/lib/settings';
import { releaseRemovedOrigins, syncContentScripts } from '@/lib/content-scripts';
import { followOdooTabs } from '@/lib/odoo/sidebar-injection';
import { connectionCheckHandlers } from '@/lib/connection-checks/handlers';
import { systemsStatus } from '@/lib/systems-status';
import { responseDeadline } from '@/lib/support-process/deadline';
import { gitlabState } from '@/lib/gitlab/user';
import { firebaseState } from '@/lib/firebase/session';
import { ticketToGitLabHandlers } from '@/lib/workflows/handlers';
import { firebaseHandlers } from '@/lib/firebase/handlers';
import { repairTicketHandlers } from '@/lib/firebase/repair-ticket';
import { repairIncidentHandlers } from '@/lib/workflows/repair-incident';
import { followPendingBadge } from '@/lib/firebase/repair-journal';

export default defineBackground(() => {
  listenInBackground(
    {
      'deadline.compute': async ({ stars, openedAt }) => {
        const { calendar } = await settingsItem.getValue();
        const deadline = responseDeadline(stars, new Date(openedAt), calendar);
        return { due: deadline.due.toISOString(), target: deadline.target?.toISOString() };
      },
      'systems.status': async () => {
        const settings = await settingsItem.getValue();
        return systemsStatus(settings, { gitlab: () => gitlabState(settings), firebase: () => firebaseState(settings) });
      },
      'options.open': async () => {
        await browser.runtime.openOptionsPage();
        return null;
      },
      ...ticketToGitLabHandlers,
      ...connectionCheckHandlers,
      ...firebaseHandlers,
      ...repairTicketHandlers,
      ...repairIncidentHandlers,
    },
    () => settingsItem.getValue(),
  );
  // The sidebar comes to Odoo ticket tabs once their form is rendered.
  followOdooTabs(() => settingsItem.getValue());
  // A QNR left on mock- shows on the toolbar badge until restored, across restarts.
  followPendingBadge();

  // Registration is serialised: two overlapping syncs would register the same script id twice.
  let registering = Promise.resolve();
  const sync = () => {
    registering = registering
      .then(() => settingsItem.getValue())
      .then(syncContentScripts)
      .catch((error: unknown) => console.error('Support Overlay: could not register content scripts', error));
    return registering;
  };
  void sync();
  settingsItem.watch((next, previous) => {
    void sync();
    // An origin taken out of the settings loses its access too (then permissions.onRemoved syncs again).
    if (next && previous) releaseRemovedOrigins(previous, next).catch((error: unknown) => console.error('Support Overlay: could not release origins', error));
  });
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());
});
