// @vitest-environment node
// Who am I on GitLab, against the GitLab stand-in (tests/sandbox/gitlab) over real HTTP, plus an old GitLab
// that has no /personal_access_tokens/self.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startGitLabSandbox, type GitLabSandbox } from '../../tests/sandbox/gitlab/server.ts';
import { DEFAULT_SETTINGS, gitlabTokenItem, type Settings } from '../settings';
import { daysUntilExpiry, gitlabState, tokenProblems } from './user';

let gitlab: GitLabSandbox;
let settings: Settings;
beforeAll(async () => {
  gitlab = await startGitLabSandbox();
  settings = { ...DEFAULT_SETTINGS, gitlab: { ...DEFAULT_SETTINGS.gitlab, host: gitlab.url } };
});
afterAll(() => gitlab.close());
beforeEach(() => fakeBrowser.reset());

describe('the popup’s GitLab line', () => {
  it('names the engineer and the token’s scopes and expiry when all is well', async () => {
    await gitlabTokenItem.setValue(gitlab.tokens.valid);
    const state = await gitlabState(settings);
    expect(state).toMatchObject({ state: 'ok', who: '@mitchell.admin' });
    expect(state.detail).toMatch(/Mitchell Admin\. Token "support-overlay": scopes api; expires on \d{4}-\d\d-\d\d\./);
  });

  it('flags a token without scope api, with the fix', async () => {
    await gitlabTokenItem.setValue(gitlab.tokens.readOnly);
    const state = await gitlabState(settings);
    expect(state.state).toBe('warning');
    expect(state.who).toBe('@mitchell.admin');
    expect(state.detail).toContain('Your token has scope read_api but not api: creating issues will fail. Create a token with scope api');
  });

  it('flags a token that expires within 14 days, with the date', async () => {
    await gitlabTokenItem.setValue(gitlab.tokens.expiringSoon);
    const state = await gitlabState(settings);
    expect(state.state).toBe('warning');
    expect(state.detail).toMatch(/Your token expires on \d{4}-\d\d-\d\d \(in 3 days\): create a new one with scope api before then/);
  });

  it.each(['expired', 'revoked'] as const)('says GitLab refused an %s token and what to do', async (which) => {
    await gitlabTokenItem.setValue(gitlab.tokens[which]);
    expect(await gitlabState(settings)).toEqual({
      state: 'error',
      detail: 'GitLab refused your token (wrong, expired or revoked): create a new one with scope api and paste it in the settings.',
    });
  });

  it('says when no token or no address is set, and when GitLab cannot be reached', async () => {
    expect((await gitlabState(settings)).detail).toBe('Add your GitLab personal access token (scope api) in the settings.');
    expect((await gitlabState({ ...settings, gitlab: { ...settings.gitlab, host: '' } })).state).toBe('not-configured');
    await gitlabTokenItem.setValue(gitlab.tokens.valid);
    const down = await gitlabState({ ...settings, gitlab: { ...settings.gitlab, host: 'http://127.0.0.1:9' } });
    expect(down).toEqual({ state: 'error', detail: 'GitLab at http://127.0.0.1:9 could not be reached (network down or wrong address?).' });
  });
});

describe('GitLab older than 15.5 (no /personal_access_tokens/self)', () => {
  let old: Server;
  let host: string;
  beforeAll(async () => {
    old = createServer((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      if (req.url === '/api/v4/user' && req.headers['private-token'] === 'old-token') {
        res.end(JSON.stringify({ id: 3, username: 'sofie', name: 'Sofie Peeters' }));
      } else if (req.url === '/api/v4/user') {
        res.statusCode = 401;
        res.end('{"message":"401 Unauthorized"}');
      } else {
        res.statusCode = 404;
        res.end('{"error":"404 Not Found"}');
      }
    });
    await new Promise<void>((resolve) => old.listen(0, '127.0.0.1', resolve));
    host = `http://127.0.0.1:${(old.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => old.close(() => resolve())));

  it('still says who you are, and that it cannot tell the scopes', async () => {
    await gitlabTokenItem.setValue('old-token');
    const state = await gitlabState({ ...DEFAULT_SETTINGS, gitlab: { ...DEFAULT_SETTINGS.gitlab, host } });
    expect(state).toEqual({
      state: 'ok',
      who: '@sofie',
      detail: 'Sofie Peeters. This GitLab does not say the token’s scopes or expiry (GitLab older than 15.5).',
    });
  });
});

describe('token rules', () => {
  const now = new Date('2026-11-27T16:00:00Z');
  it('counts days to the expiry date in UTC', () => {
    expect(daysUntilExpiry('2026-12-11', now)).toBe(14);
    expect(daysUntilExpiry('2026-11-27', now)).toBe(0);
    expect(daysUntilExpiry(null, now)).toBeNull();
  });
  it('warns at 14 days, not at 15; a token that never expires is fine', () => {
    expect(tokenProblems({ name: 't', scopes: ['api'], expiresAt: '2026-12-11' }, now)).toHaveLength(1);
    expect(tokenProblems({ name: 't', scopes: ['api'], expiresAt: '2026-12-12' }, now)).toEqual([]);
    expect(tokenProblems({ name: 't', scopes: ['api', 'read_user'], expiresAt: null }, now)).toEqual([]);
    expect(tokenProblems({ name: 't', scopes: ['api'], expiresAt: '2026-11-27' }, now)[0]).toMatch(/expired on 2026-11-27/);
  });
});
