/**
 * Background handler of the settings page's "test" buttons. They run here because they need host access
 * and the token; the page sends the values as typed, so an engineer can test before saving.
 */
import type { BackgroundHandlers } from '../messaging';
import { gitlabTokenItem } from '../settings';
import { checkFirebase } from './firebase';
import { checkGitLab } from './gitlab';
import { checkOdoo } from './odoo';
import { report } from './report';

function isWebOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value;
  } catch {
    return false;
  }
}

export const connectionCheckHandlers: Pick<BackgroundHandlers, 'connection.check'> = {
  'connection.check': async (request) => {
    switch (request.system) {
      case 'gitlab': {
        if (request.gitlab.host && !isWebOrigin(request.gitlab.host)) return report('error', 'Fix the GitLab address first.');
        const token = request.token.trim() || (await gitlabTokenItem.getValue());
        return checkGitLab(request.gitlab, token);
      }
      case 'odoo':
        if (!isWebOrigin(request.origin)) return report('error', 'Fix the Odoo address first (like https://odoo.example.com).');
        return checkOdoo(request.origin);
      case 'firebase':
        if (request.firebase.databaseURL && !isWebOrigin(request.firebase.databaseURL.replace(/\/+$/, ''))) {
          return report('error', 'Fix the database URL first.');
        }
        return checkFirebase(request.firebase);
    }
  },
};
