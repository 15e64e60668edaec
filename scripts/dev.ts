/**
 * `npm run dev`: rebuilds the web app on change and restarts the server on change.
 * Both children stop when this process gets Ctrl-C.
 */
import { spawn } from 'node:child_process';

const children = [
  spawn('npx', ['vite', 'build', '--watch'], { stdio: 'inherit' }),
  spawn('npx', ['tsx', 'watch', 'src/cli/index.ts', 'serve'], { stdio: 'inherit' }),
];
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}
await Promise.all(children.map((child) => new Promise((resolve) => child.on('exit', resolve))));
