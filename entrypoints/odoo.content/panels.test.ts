// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SIDEBAR_PANELS } from './panels';

describe('sidebar panels', () => {
  it('registers every panel module of ./panels/ exactly once', () => {
    const dir = fileURLToPath(new URL('./panels/', import.meta.url));
    const modules = readdirSync(dir)
      .filter((file) => /\.tsx$/.test(file) && !/\.test\.tsx$/.test(file))
      .map((file) => file.replace(/\.tsx$/, ''));
    const ids = SIDEBAR_PANELS.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...modules].sort());
  });
});
