/** Quoting for the shell scripts: every value the plan puts in a script is quoted, never interpolated. */

/** A single-quoted POSIX shell word: `it's` becomes `'it'"'"'s'`. */
export const shellWord = (value: string): string => `'${value.replace(/'/g, `'"'"'`)}'`;

/** Lines as `# ` comments (an empty line stays a bare `#`). */
export const hashComments = (lines: readonly string[]): string[] =>
  lines.map((line) => (line ? `# ${line}` : '#'));

/** A JSON document as a quoted here-document assigned to a variable: nothing in it is expanded by the shell. */
export function jsonHereDoc(variable: string, value: unknown): string[] {
  const text = JSON.stringify(value, null, 2);
  const end = 'END_OF_JSON';
  if (text.split('\n').includes(end)) throw new Error('The JSON contains the here-document terminator.');
  return [`${variable}=$(cat <<'${end}'`, text, end, ')'];
}
