import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Content scripts import this folder; date-holidays is large and belongs to the background only.
describe('support-process imports', () => {
  const dir = import.meta.dirname;
  const modules = readdirSync(dir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));

  it('only deadline.ts imports date-holidays', () => {
    const importers = modules.filter((file) => /from ['"]date-holidays['"]/.test(readFileSync(join(dir, file), 'utf8')));
    expect(importers).toEqual(['deadline.ts']);
  });

  it('no module imports deadline.ts, so the content-script modules stay lean', () => {
    const importers = modules.filter((file) => /from ['"]\.\/deadline(\.ts)?['"]/.test(readFileSync(join(dir, file), 'utf8')));
    expect(importers).toEqual([]);
  });

  it('knows nothing of browsers, Odoo clients or GitLab clients', () => {
    for (const file of modules) {
      const source = readFileSync(join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/from ['"](wxt|#imports|@gitbeaker|firebase|react)/);
      expect(source, file).not.toMatch(/\bbrowser\.|\bchrome\.|\bdocument\.|\bwindow\./);
    }
  });
});
