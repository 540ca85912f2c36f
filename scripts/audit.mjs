// `npm run audit`: high and critical advisories of every dependency, or a plain statement that the advisory service
// could not be asked. Exits 1 when it finds any; 0 otherwise (an unanswered audit is reported, not hidden).
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const { module } = await runnerImport(fileURLToPath(new URL('./audit-report.ts', import.meta.url)), {
  configFile: false,
  logLevel: 'silent',
});
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const result = spawnSync('npm', ['audit', '--json'], { encoding: 'utf8', timeout: 60_000 });
const report = module.auditReport(
  result.stdout ?? '',
  result.stderr ?? String(result.error ?? ''),
  pkg.dependencies,
);
for (const line of report.lines) console.log(line);
process.exit(report.findings.length > 0 ? 1 : 0);
