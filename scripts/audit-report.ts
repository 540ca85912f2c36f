/**
 * Reads `npm audit --json` and says what it found: the high and critical advisories by package, or plainly that the
 * advisory service could not be asked (some networks reach the npm registry but not its audit endpoint).
 */

/** What the report concludes. */
export interface AuditReport {
  /** `checked`: the service answered; `unavailable`: it could not be asked, so nothing was checked. */
  readonly status: 'checked' | 'unavailable';
  /** Packages with a high or critical advisory, with the severity, sorted by name. */
  readonly findings: readonly { readonly name: string; readonly severity: 'high' | 'critical' }[];
  /** Lines for the terminal. */
  readonly lines: readonly string[];
}

interface AuditJson {
  /** Set, with `statusCode`, when the service answered with an HTTP error. */
  readonly message?: string;
  readonly error?: { readonly code?: string; readonly summary?: string; readonly detail?: string };
  readonly vulnerabilities?: Readonly<Record<string, { readonly severity?: string }>>;
  readonly metadata?: { readonly vulnerabilities?: Readonly<Record<string, number>> };
}

const SERIOUS = new Set(['high', 'critical']);

/**
 * Turns `npm audit --json` output (and its exit details) into a report. `stdout` may be empty or not JSON when npm
 * could not reach the service; that is "unavailable", never "no advisories".
 */
export function auditReport(
  stdout: string,
  stderr: string,
  runtime: Readonly<Record<string, string>>,
): AuditReport {
  let parsed: AuditJson | null;
  try {
    parsed = stdout.trim() ? (JSON.parse(stdout) as AuditJson) : null;
  } catch {
    parsed = null;
  }
  if (!parsed || parsed.error || !parsed.vulnerabilities) {
    const why =
      (parsed?.message || parsed?.error?.summary || parsed?.error?.detail) ??
      stderr
        .split('\n')
        .map((l) => l.trim())
        .find((l) => /audit|ECONN|ENOTFOUND|ETIMEDOUT|40\d|50\d/i.test(l)) ??
      'no answer';
    return {
      status: 'unavailable',
      findings: [],
      lines: [
        `Could not ask the npm advisory service (${why}). No advisories were checked.`,
        'The runtime dependencies are pinned to exact versions in package.json; review these by hand:',
        ...Object.entries(runtime).map(([name, version]) => `  ${name}@${version}`),
      ],
    };
  }
  const findings = Object.entries(parsed.vulnerabilities)
    .flatMap(([name, v]) =>
      v.severity && SERIOUS.has(v.severity) ? [{ name, severity: v.severity as 'high' | 'critical' }] : [],
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    status: 'checked',
    findings,
    lines: findings.length
      ? [
          `${findings.length} package${findings.length === 1 ? '' : 's'} with a high or critical advisory:`,
          ...findings.map((f) => `  ${f.name}: ${f.severity}`),
          'Run `npm audit` for the advisories and their fixes.',
        ]
      : ['No high or critical advisories.'],
  };
}
