#!/usr/bin/env node
// Entry point of the `concerto` command. Builds Concerto first when the build is missing
// (a fresh clone after `npm install`), then runs the compiled CLI.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli', 'index.js');
const web = path.join(root, 'dist', 'web', 'index.html');

if (!existsSync(cli) || !existsSync(web)) {
  console.log('First run: building Concerto (npm run build)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed; see the output above.');
    process.exit(4);
  }
}

await import(pathToFileURL(cli).href);
