import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLayers } from '../scripts/check-layers.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'concerto-layers-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

describe('layering rule (ARCHITECTURE §3.8)', () => {
  it('passes on this repository', () => {
    expect(checkLayers(process.cwd())).toEqual([]);
  });

  it('refuses a route that imports a repository or runs SQL', () => {
    const root = tree({
      'src/server/modules/cases/cases.routes.ts':
        "import { createCaseRepository } from './cases.repository.js';\nimport { sql } from 'kysely';\n",
      'src/server/modules/cases/cases.repository.ts': 'export const x = 1;\n',
    });
    const problems = checkLayers(root);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('cases.routes.ts:1 imports ./cases.repository.js');
    expect(problems[1]).toContain('imports kysely');
  });

  it('refuses contracts importing the server and the kernel importing a module', () => {
    const root = tree({
      'src/contracts/cases.ts': "import { DomainError } from '../server/kernel/errors.js';\n",
      'src/server/kernel/errors.ts': 'export class DomainError {}\n',
      'src/server/kernel/audit/record.ts': "import { x } from '../../modules/cases/cases.service.js';\n",
      'src/server/modules/cases/cases.service.ts': 'export const x = 1;\n',
    });
    const problems = checkLayers(root);
    expect(problems.some((p) => p.startsWith('src/contracts/cases.ts:1'))).toBe(true);
    expect(problems.some((p) => p.startsWith('src/server/kernel/audit/record.ts:1'))).toBe(true);
  });
});
