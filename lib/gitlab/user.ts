/**
 * Who the engineer is on GitLab, from their own token (background only: the token never leaves it).
 */
import type { Settings } from '../settings';
import { gitlabTokenItem } from '../settings';
import type { SystemState } from '../messaging';

export interface GitLabUser {
  id: number;
  username: string;
  name: string;
}

export async function gitlabState(settings: Settings, fetchImpl: typeof fetch = fetch): Promise<SystemState> {
  if (!settings.gitlab.host) return { state: 'not-configured', detail: 'Add your GitLab address in the settings.' };
  const token = await gitlabTokenItem.getValue();
  if (!token) return { state: 'signed-out', detail: 'Add your GitLab personal access token (scope api) in the settings.' };
  let response: Response;
  try {
    response = await fetchImpl(`${settings.gitlab.host}/api/v4/user`, { headers: { 'PRIVATE-TOKEN': token } });
  } catch {
    return { state: 'error', detail: `GitLab at ${settings.gitlab.host} could not be reached (network down or wrong address?).` };
  }
  if (response.status === 401) {
    return { state: 'error', detail: 'GitLab refused your token (expired or revoked): create a new one with scope api and paste it in the settings.' };
  }
  if (!response.ok) return { state: 'error', detail: `GitLab answered ${response.status}: try again later.` };
  const user = (await response.json()) as GitLabUser;
  return { state: 'ok', who: `@${user.username}`, detail: user.name };
}
