/**
 * Layering lint (ARCHITECTURE §3.8): dependencies point one way —
 * routes → services → repositories → db; contracts import nothing from the server;
 * the kernel knows no module; the web app knows no server code. Run by `npm run lint`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

interface Rule {
  /** Which importing files the rule applies to. */
  from: RegExp;
  /** Import targets (resolved repo-relative path, or bare package name) that are forbidden. */
  forbid: RegExp;
  why: string;
}

const RULES: Rule[] = [
  { from: /^src\/contracts\//, forbid: /^src\/(?!contracts\/)/, why: 'contracts/ imports nothing from the server, web or cli' },
  { from: /^src\/web\//, forbid: /^src\/(server|cli)\//, why: 'the web app talks to the server over HTTP only' },
  { from: /^src\/server\//, forbid: /^src\/(cli|web)\//, why: 'the server does not depend on the CLI or the web app' },
  { from: /^src\/server\/kernel\//, forbid: /^src\/server\/(modules|http)\/|^src\/server\/(app|server)\.ts$/, why: 'the kernel knows no module and no HTTP' },
  { from: /^src\/server\/db\//, forbid: /^src\/server\/(modules|http|kernel)\//, why: 'db is the bottom layer' },
  { from: /\.routes\.ts$/, forbid: /\.repository\.ts$|^src\/server\/db\/|^kysely$|^pg$/, why: 'routes call services; they never run SQL' },
  { from: /\.service\.ts$/, forbid: /\.routes\.ts$|^src\/server\/http\//, why: 'services do not know HTTP' },
  { from: /\.repository\.ts$/, forbid: /\.(service|routes)\.ts$|^src\/server\/http\//, why: 'repositories sit under services' },
];

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (/\.(ts|tsx)$/.test(entry) && !/\.test\.tsx?$/.test(entry)) yield full;
  }
}

function resolveTarget(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier.startsWith('node:') ? specifier : specifier.split('/')[0]!.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  const resolved = path.normalize(path.join(path.dirname(file), specifier)).replace(/\\/g, '/');
  return resolved.replace(/\.js$/, '.ts');
}

export function checkLayers(root: string): string[] {
  const problems: string[] = [];
  for (const absolute of sourceFiles(path.join(root, 'src'))) {
    const file = path.relative(root, absolute).replace(/\\/g, '/');
    const text = readFileSync(absolute, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      const target = resolveTarget(file, specifier);
      for (const rule of RULES) {
        if (rule.from.test(file) && rule.forbid.test(target)) {
          const line = text.slice(0, match.index).split('\n').length;
          problems.push(`${file}:${line} imports ${specifier} — ${rule.why}`);
        }
      }
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkLayers(process.cwd());
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) {
    console.error(`\n${problems.length} layering violation(s).`);
    process.exit(1);
  }
  console.log('Layering: ok');
}
