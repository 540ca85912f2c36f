import { describe, expect, it } from 'vitest';
import { auditReport } from './audit-report';

const runtime = { react: '19.3.1', 'node-forge': '1.4.3' };

describe('audit report', () => {
  it('names the packages with high or critical advisories, and only those', () => {
    const json = JSON.stringify({
      vulnerabilities: {
        'node-forge': { severity: 'high' },
        esbuild: { severity: 'moderate' },
        axios: { severity: 'critical' },
      },
    });
    const report = auditReport(json, '', runtime);
    expect(report.status).toBe('checked');
    expect(report.findings).toEqual([
      { name: 'axios', severity: 'critical' },
      { name: 'node-forge', severity: 'high' },
    ]);
    expect(report.lines[0]).toBe('2 packages with a high or critical advisory:');
  });

  it('says so when nothing serious was found', () => {
    const report = auditReport(JSON.stringify({ vulnerabilities: {} }), '', runtime);
    expect(report).toMatchObject({ status: 'checked', findings: [] });
    expect(report.lines).toEqual(['No high or critical advisories.']);
  });

  it('never mistakes an unreachable service for a clean audit', () => {
    const refused = auditReport(
      JSON.stringify({ error: { code: 'ENOAUDIT', summary: 'audit endpoint returned an error' } }),
      'npm warn audit 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      runtime,
    );
    expect(refused.status).toBe('unavailable');
    expect(refused.lines[0]).toBe(
      'Could not ask the npm advisory service (audit endpoint returned an error). No advisories were checked.',
    );
    expect(refused.lines).toContain('  node-forge@1.4.3');
    // What npm prints when the registry refuses the bulk advisory endpoint.
    const http = auditReport(
      JSON.stringify({
        message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
        statusCode: 405,
        error: { summary: '', detail: '' },
      }),
      '',
      runtime,
    );
    expect(http.status).toBe('unavailable');
    expect(http.lines[0]).toContain('(405 Method Not Allowed');
    const silent = auditReport('', 'npm error code ETIMEDOUT', runtime);
    expect(silent.status).toBe('unavailable');
    expect(silent.lines[0]).toContain('ETIMEDOUT');
  });
});
