import { describe, expect, it } from 'vitest';
import {
  defaultSubject,
  isSubjectValid,
  normalizeSubject,
  subjectFieldMaxLength,
  subjectToOpenssl,
  validateSubject,
  validateSubjectField,
  type SubjectFields,
} from './subject';

const empty: SubjectFields = { C: '', ST: '', L: '', O: '', OU: '', CN: '' };

describe('subject validation', () => {
  it('accepts the procedure example and renders it like its -subj string without the empty fields', () => {
    expect(validateSubject(defaultSubject)).toEqual({});
    expect(subjectToOpenssl(defaultSubject)).toBe('/C=AU/ST=Some-State/O=An Org/CN=ADomain');
  });

  it('requires a two-letter country code and uppercases it', () => {
    expect(validateSubjectField('C', 'au')).toBeUndefined();
    expect(normalizeSubject({ ...defaultSubject, C: ' au ' }).C).toBe('AU');
    for (const bad of ['AUS', 'A', 'A1', 'Ä U']) {
      expect(validateSubjectField('C', bad)).toMatch(/two-letter ISO 3166 code/);
    }
    expect(validateSubjectField('C', '')).toBeUndefined();
  });

  it('enforces the RFC 5280 upper bounds, counting characters not bytes', () => {
    expect(subjectFieldMaxLength).toEqual({ C: 2, ST: 128, L: 128, O: 64, OU: 64, CN: 64 });
    for (const field of ['ST', 'L', 'O', 'OU', 'CN'] as const) {
      const max = subjectFieldMaxLength[field];
      expect(validateSubjectField(field, 'é'.repeat(max))).toBeUndefined();
      expect(validateSubjectField(field, '😀'.repeat(max))).toBeUndefined();
      expect(validateSubjectField(field, '😀'.repeat(max + 1))).toMatch(`it has ${max + 1}.`);
      expect(validateSubjectField(field, 'x'.repeat(max + 1))).toMatch(
        new RegExp(`at most ${max} characters .*it has ${max + 1}\\. Shorten it\\.`),
      );
    }
  });

  it('rejects control characters', () => {
    expect(validateSubjectField('CN', 'a\tb')).toMatch(/control character/);
    expect(validateSubjectField('O', 'line\nbreak')).toMatch(/control character/);
    expect(validateSubjectField('O', 'del\u007f')).toMatch(/control character/);
    expect(validateSubjectField('O', 'Ünïcode & Co, Ltd.')).toBeUndefined();
  });

  it('needs at least one field and suggests a common name', () => {
    expect(validateSubject(empty)).toEqual({ form: expect.stringMatching(/common name \(CN\)/) });
    expect(isSubjectValid({ ...empty, CN: 'app' })).toBe(true);
    expect(isSubjectValid({ ...empty, CN: '   ' })).toBe(false);
  });

  it('reports each invalid field separately', () => {
    const errors = validateSubject({ ...defaultSubject, C: 'Australia', CN: 'x'.repeat(65) });
    expect(Object.keys(errors).sort()).toEqual(['C', 'CN']);
  });

  it('escapes slashes in the OpenSSL form', () => {
    expect(subjectToOpenssl({ ...empty, O: 'A/B', CN: 'x' })).toBe('/O=A\\/B/CN=x');
  });
});
