import { describe, expect, it } from 'vitest';
import { gitlabErrorFromResponse, inContext, retryAfterSeconds } from './errors';

const headers = (values: Record<string, string> = {}) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });

describe('GitLab errors as sentences', () => {
  it('401: token wrong, expired or revoked', () => {
    expect(gitlabErrorFromResponse(401, { message: '401 Unauthorized' }, headers()).message).toMatch(/^GitLab refused your token.*scope api/);
    expect(gitlabErrorFromResponse(401, { error: 'invalid_token', error_description: 'Token has expired.' }, headers()).message).toMatch(/^Your GitLab token has expired/);
  });

  it('403: missing api scope vs no permission', () => {
    expect(gitlabErrorFromResponse(403, { error: 'insufficient_scope' }, headers())).toMatchObject({ problem: 'scope', message: expect.stringMatching(/lacks the api scope/) });
    expect(gitlabErrorFromResponse(403, { message: '403 Forbidden' }, headers(), { project: 'tmf/incidents' }).message).toContain('no permission for this in “tmf/incidents”');
  });

  it('404: project or issue, not found or no access', () => {
    expect(gitlabErrorFromResponse(404, { message: '404 Project Not Found' }, headers(), { project: 'tmf/bugs' }).message).toBe(
      'GitLab project “tmf/bugs” was not found, or you have no access to it: check the project path in the settings, or ask for access.',
    );
    expect(inContext(gitlabErrorFromResponse(404, {}, headers()), { project: 'tmf/bugs', iid: 9 })).toMatchObject({ message: expect.stringContaining('Issue #9 was not found in “tmf/bugs”') });
  });

  it('400: names the field, or the missing parameter', () => {
    const tooLong = gitlabErrorFromResponse(400, { message: { title: ['is too long (maximum is 255 characters)'] } }, headers());
    expect(tooLong).toMatchObject({ problem: 'invalid', details: { field: 'title' } });
    expect(tooLong.message).toBe('GitLab did not accept the issue: title is too long (maximum is 255 characters). Correct it and try again.');
    expect(gitlabErrorFromResponse(400, { error: 'title is missing' }, headers()).message).toContain('title is missing');
  });

  it('429: honours Retry-After and says how long', () => {
    const error = gitlabErrorFromResponse(429, 'Retry later', headers({ 'retry-after': '42' }));
    expect(error).toMatchObject({ problem: 'rate-limited', details: { retryAfterSeconds: 42 } });
    expect(error.message).toContain('wait 42 seconds');
    expect(gitlabErrorFromResponse(429, 'Retry later', headers({ 'retry-after': '120' })).message).toContain('wait 2 minutes');
    expect(retryAfterSeconds(new Date(10_000).toUTCString(), 0)).toBe(10);
  });

  it('5xx: GitLab down', () => {
    expect(gitlabErrorFromResponse(502, '<html>', headers()).message).toMatch(/error 502.*Try again in a few minutes/);
  });
});
