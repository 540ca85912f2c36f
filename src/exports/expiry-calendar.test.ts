import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, expiryCalendar, foldLine } from './expiry-calendar';

const input = {
  application: { displayName: 'Contoso; SharePoint, Sales', appId: '11111111-2222-3333-4444-555555555555' },
  platformName: 'Kloudless',
  now: new Date('2026-12-02T10:00:00Z'),
  credentials: [
    {
      kind: 'secret',
      keyId: 'AAAAAAAA-0000-0000-0000-000000000001',
      hint: 'Abc',
      endDateTime: '2027-05-31T10:00:00Z',
    },
    {
      kind: 'certificate',
      keyId: 'bbbbbbbb-0000-0000-0000-000000000002',
      hint: 'afa71cebaeaa59abbd5a3d7de0e00995097b6617',
      endDateTime: '2027-12-02T00:00:00Z',
    },
  ],
} as const;

describe('expiryCalendar', () => {
  const text = expiryCalendar(input);

  it('writes CRLF lines of at most 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:/);
  });

  it('parses to one event per expiry, with the app, the credential and alarms 30 and 7 days before', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(2);
    const [secret, certificate] = events.map((e) => new ICAL.Event(e));
    expect(secret!.uid).toBe('aaaaaaaa-0000-0000-0000-000000000001@entra-setup-wizard');
    expect(secret!.startDate.toString()).toBe('2027-05-31');
    expect(secret!.summary).toBe('Contoso; SharePoint, Sales: client secret expires');
    expect(secret!.description).toContain('client secret Abc…');
    expect(secret!.description).toContain('“Contoso; SharePoint, Sales” (client ID 11111111-');
    expect(secret!.description).toContain('add a new client secret');
    expect(certificate!.description).toContain('certificate AFA71CEBAEAA59ABBD5A3D7DE0E00995097B6617');
    expect(certificate!.startDate.toString()).toBe('2027-12-02');
    const triggers = events[0]!
      .getAllSubcomponents('valarm')
      .map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds());
    expect(triggers).toEqual([-30 * 86_400, -7 * 86_400]);
    expect(events[0]!.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-12-02T10:00:00Z');
  });

  it('escapes TEXT values and folds on character boundaries', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(60)}`);
    const lines = folded.split('\r\n ');
    expect(lines.length).toBe(2);
    expect(lines.join('')).toBe(`DESCRIPTION:${'é'.repeat(60)}`);
    for (const line of folded.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('an empty list is still a valid calendar', () => {
    const calendar = new ICAL.Component(ICAL.parse(expiryCalendar({ ...input, credentials: [] })));
    expect(calendar.getFirstPropertyValue('prodid')).toContain('Entra Setup Wizard');
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
  });
});
