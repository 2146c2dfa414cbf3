import { describe, expect, it } from 'vitest';
import { issueFromUrl } from './issue-url';

describe('issueFromUrl', () => {
  it.each([
    ['https://gitlab.com/gitlab-org/gitlab/-/issues/386817', 'gitlab.com', 'gitlab-org/gitlab', 386817],
    ['https://gitlab.com/tmf/incidents/-/issues/incident/7', 'gitlab.com', 'tmf/incidents', 7],
    ['https://gitlab.com/gitlab-org/gitlab/-/work_items/520101', 'gitlab.com', 'gitlab-org/gitlab', 520101],
    ['https://gitlab.com/tmf/platform/backend/-/issues/12', 'gitlab.com', 'tmf/platform/backend', 12],
    ['https://gitlab.com/tmf/bugs/-/issues/12#note_1822330112', 'gitlab.com', 'tmf/bugs', 12],
    ['https://gitlab.com/tmf/bugs/-/issues/12?scope=all&utm_source=x', 'gitlab.com', 'tmf/bugs', 12],
    ['https://gitlab.com/tmf/bugs/-/issues/12/', 'gitlab.com', 'tmf/bugs', 12],
    ['https://gitlab.com/tmf/bugs/-/issues/12/designs/screenshot.png', 'gitlab.com', 'tmf/bugs', 12],
    ['http://127.0.0.1:8929/tmf/bugs/-/issues/3', '127.0.0.1:8929', 'tmf/bugs', 3],
    ['https://git.example.org/tmf/bugs/issues/5', 'git.example.org', 'tmf/bugs', 5],
    ['  https://gitlab.com/tmf/bugs/-/issues/4  ', 'gitlab.com', 'tmf/bugs', 4],
    ['https://gitlab.com/tmf/my.project_v2/-/issues/9', 'gitlab.com', 'tmf/my.project_v2', 9],
  ])('%s', (url, host, projectPath, iid) => {
    expect(issueFromUrl(url)).toEqual({ host, projectPath, iid });
  });

  it.each([
    'https://gitlab.com/tmf/bugs/-/merge_requests/12',
    'https://gitlab.com/tmf/bugs/-/issues',
    'https://gitlab.com/tmf/bugs/-/issues/new',
    'https://gitlab.com/tmf/bugs/-/issues/0',
    'https://gitlab.com/groups/tmf/-/work_items/5',
    'https://gitlab.com/bugs/-/issues/3', // a project always lives in a namespace
    'https://gitlab.com/tmf/bugs/-/boards/12',
    'javascript:alert(1)//gitlab.com/tmf/bugs/-/issues/1',
    'ftp://gitlab.com/tmf/bugs/-/issues/1',
    '12',
    '#12',
    '',
    'not a url',
  ])('rejects %s', (url) => {
    expect(issueFromUrl(url)).toBeNull();
  });
});
