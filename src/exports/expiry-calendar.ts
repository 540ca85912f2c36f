/**
 * `credential-expiry.ics`: one calendar event per credential expiry, with reminders 30 and 7 days before, so the
 * admin rotates a secret or certificate before the platform's sign-ins stop. RFC 5545 written by hand: the format is
 * a few lines, and the npm iCalendar libraries are parsers or bring a time-zone database the browser does not need.
 * No secret value ever goes in: a secret is named by its first characters (`hint`), as the portal shows it.
 */

/** A credential that stops working on a known date. */
export interface ExpiringCredential {
  readonly kind: 'secret' | 'certificate';
  /** The credential's keyId: the event's UID, so importing an updated file updates the same event. */
  readonly keyId: string;
  /** Secrets: the first characters Entra keeps. Certificates: the SHA-1 thumbprint in hex. */
  readonly hint: string;
  /** ISO 8601. */
  readonly endDateTime: string;
}

export interface ExpiryCalendarInput {
  readonly application: { readonly displayName: string; readonly appId: string };
  readonly platformName: string;
  readonly credentials: readonly ExpiringCredential[];
  /** When the file is made (DTSTAMP). */
  readonly now: Date;
}

/** The reminders, in days before the expiry. */
export const REMINDER_DAYS = [30, 7] as const;

export const EXPIRY_CALENDAR_FILE_NAME = 'credential-expiry.ics';

const PRODID = '-//Entra Setup Wizard//Credential expiry//EN';

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/**
 * Content lines longer than 75 octets are folded: CRLF then one space (RFC 5545 §3.1). Octets of UTF-8, and a
 * character is never split.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line holds 75 octets; each continuation line starts with a space, leaving 74.
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utcStamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const dateValue = (date: Date) => date.toISOString().slice(0, 10).replace(/-/g, '');
const day = (date: Date) => date.toISOString().slice(0, 10);

function what(credential: ExpiringCredential): string {
  return credential.kind === 'secret'
    ? `client secret ${credential.hint}…`
    : `certificate ${credential.hint.toUpperCase()}`;
}

function event(input: ExpiryCalendarInput, credential: ExpiringCredential): string[] {
  const end = new Date(credential.endDateTime);
  const next = new Date(end.getTime() + 86_400_000);
  const { displayName, appId } = input.application;
  const platform = input.platformName;
  const kind = credential.kind === 'secret' ? 'client secret' : 'certificate';
  const summary = `${displayName}: ${kind} expires`;
  const description =
    `The ${what(credential)} of the app registration “${displayName}” (client ID ${appId}) expires on ` +
    `${end.toISOString().replace('.000Z', 'Z')}. After that, ${platform} can no longer sign in with it.\n` +
    `Before then: open the Entra Setup Wizard with the same connectors and name, add a new ${kind}, enter it on ` +
    `${platform}’s Custom OAuth keys page, and once ${platform} uses it, remove the old one.`;
  const alarms = REMINDER_DAYS.flatMap((days) => [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `TRIGGER:-P${days}D`,
    `DESCRIPTION:${escapeText(`${summary} in ${days} days (${day(end)})`)}`,
    'END:VALARM',
  ]);
  return [
    'BEGIN:VEVENT',
    `UID:${credential.keyId.toLowerCase()}@entra-setup-wizard`,
    `DTSTAMP:${utcStamp(input.now)}`,
    // An all-day event on the expiry date: a reminder at the exact second could fall in the night.
    `DTSTART;VALUE=DATE:${dateValue(end)}`,
    `DTEND;VALUE=DATE:${dateValue(next)}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    'TRANSP:TRANSPARENT',
    ...alarms,
    'END:VEVENT',
  ];
}

/** The calendar, one VEVENT per credential, CRLF line endings. */
export function expiryCalendar(input: ExpiryCalendarInput): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...input.credentials.flatMap((c) => event(input, c)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
