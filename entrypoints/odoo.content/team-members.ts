/** The ticket team's members (for assigning and To-Dos), read once per team while the page lives. */
import { readTeamMembers, type HelpdeskFlavour } from '@/lib/odoo/helpdesk';
import type { OdooRpc } from '@/lib/odoo/rpc';

export interface Member {
  id: number;
  name: string;
}

const cache = new Map<string, Promise<Member[]>>();

export function teamMembers(rpc: OdooRpc, flavour: HelpdeskFlavour, teamId: number): Promise<Member[]> {
  const key = `${flavour}:${teamId}`;
  let members = cache.get(key);
  if (!members) {
    members = readTeamMembers(rpc, flavour, teamId);
    cache.set(key, members);
    members.catch(() => cache.delete(key)); // a failed read is asked again next time
  }
  return members;
}
