// Sessions (cookie `session_id`) and the session info Odoo hands the web client.
import { randomBytes } from 'node:crypto';
import type { Database } from './database.ts';
import type { HelpdeskFlavour, OdooVersion } from './models.ts';

const BUILD_DATES: Record<OdooVersion, string> = { 16: '20231208', 17: '20240515', 18: '20250115', 19: '20251006' };
export const SESSION_MAX_AGE = 604800;

export class Sessions {
  private readonly byId = new Map<string, number>();

  open(uid: number): string {
    const sid = randomBytes(20).toString('hex');
    this.byId.set(sid, uid);
    return sid;
  }

  uid(sid: string | undefined): number | undefined {
    return sid === undefined ? undefined : this.byId.get(sid);
  }

  close(sid: string | undefined): void {
    if (sid !== undefined) this.byId.delete(sid);
  }

  expireAll(): void {
    this.byId.clear();
  }
}

export function setCookieHeader(sid: string): string {
  const expires = new Date(Date.now() + SESSION_MAX_AGE * 1000).toUTCString();
  return `session_id=${sid}; Expires=${expires}; Max-Age=${SESSION_MAX_AGE}; HttpOnly; Path=/`;
}

export function readSessionCookie(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'session_id') return rest.join('=');
  }
  return undefined;
}

/** Shape of session-get_session_info.json (Enterprise builds carry the "+e" / 'e' edition marks). */
export function sessionInfo(db: Database, uid: number, version: OdooVersion, flavour: HelpdeskFlavour, baseUrl: string): Record<string, unknown> {
  const user = db.find('res.users', uid);
  const partnerId = typeof user?.['partner_id'] === 'number' ? user['partner_id'] : false;
  const edition = flavour === 'enterprise' ? 'e' : '';
  return {
    uid,
    is_system: uid === 2,
    is_admin: uid === 2,
    user_context: { lang: 'en_US', tz: 'Europe/Brussels', uid },
    db: 'helpdesk',
    server_version: `${version}.0${edition ? '+e' : ''}-${BUILD_DATES[version]}`,
    server_version_info: [version, 0, 0, 'final', 0, edition],
    support_url: 'https://www.odoo.com/buy',
    name: db.displayName('res.users', uid),
    username: user?.['login'] ?? '',
    partner_display_name: partnerId === false ? '' : db.displayName('res.partner', partnerId),
    company_id: 1,
    partner_id: partnerId,
    'web.base.url': baseUrl,
    active_ids_limit: 20000,
    profile_session: null,
    profile_collectors: null,
    profile_params: null,
    max_file_upload_size: 134217728,
    home_action_id: false,
    cache_hashes: { translations: 'd9ede7fa2d99db665ff7f977f08ceab803dd9a54', load_menus: 'e75ca3f7b778791dbd0ba5152865258ecfa103e9c6621076e2eebb1a3784bde1' },
    currencies: { 1: { symbol: '€', position: 'after', digits: [69, 2] } },
    bundle_params: { lang: 'en_US' },
    user_companies: { current_company: 1, allowed_companies: { 1: { id: 1, name: db.displayName('res.company', 1), sequence: 0 } } },
    show_effect: true,
    display_switch_company_menu: false,
    user_id: [uid],
    web_tours: [],
    tour_disable: true,
    notification_type: 'email',
    odoobot_initialized: true,
    iap_company_enrich: true,
  };
}
