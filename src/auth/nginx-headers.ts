import { headersForPath, type SecurityHeaders } from './security-headers';

/** One `location` block that adds every header its path is served with. */
function locationBlock(headers: SecurityHeaders, match: string, path: string): string {
  const lines = Object.entries(headersForPath(headers, path)).map(([name, value]) => {
    // nginx would end the string at a quote and read `$` as a variable.
    if (/["$\\]/.test(value)) throw new Error(`The ${name} header needs escaping for nginx`);
    return `    add_header ${name} "${value}" always;`;
  });
  return [`location ${match} {`, ...lines, '}'].join('\n');
}

/**
 * The security headers as nginx configuration, for the `server` block that serves `dist/`. nginx drops the
 * `add_header` lines a block inherits as soon as it has one of its own, so each `location` lists every header.
 */
export function nginxHeaders(headers: SecurityHeaders): string {
  const comment = [
    '# Security headers of the Entra Setup Wizard, inside the server block that serves dist/ over https.',
    '# A location with add_header of its own inherits none, so each one lists them all.',
  ].join('\n');
  const blocks = [
    locationBlock(headers, '/', '/'),
    ...headers.paths.map(({ path }) => locationBlock(headers, `= ${path}`, path)),
  ];
  return `${[comment, ...blocks].join('\n\n')}\n`;
}
