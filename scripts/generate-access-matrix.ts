/** `npm run access-matrix`: writes docs/access-matrix.md from the declared matrix. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderAccessMatrix } from './access-matrix-doc.js';

const target = path.join(import.meta.dirname, '..', 'docs', 'access-matrix.md');
writeFileSync(target, renderAccessMatrix());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
