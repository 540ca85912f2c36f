/** The OData subset the emulator understands: path segments with alternate keys, `$select`, simple `$filter`. */
import { graphError } from './graph-http';
import type { GraphContext } from './graph-http';
import type { EmulatorHttpResponse } from './types';

/** One path segment: `applications`, `{id}`, `addPassword`, or `applications(appId='…')`. */
export interface Segment {
  /** The name, e.g. `applications` (original case). */
  readonly name: string;
  /** For `name(prop='value')`: the alternate key. */
  readonly key?: { readonly property: string; readonly value: string };
}

/** Splits a Graph path (after `/v1.0`) into segments; `undefined` when a key expression is malformed. */
export function parsePath(pathname: string): Segment[] | undefined {
  const out: Segment[] = [];
  for (const raw of pathname.split('/').filter(Boolean)) {
    const text = decodeURIComponent(raw);
    const m = /^([^()]+)\((?:(\w+)=)?'((?:[^']|'')*)'\)$/.exec(text);
    if (m) {
      out.push({
        name: m[1] ?? '',
        key: { property: m[2] ?? 'id', value: (m[3] ?? '').replace(/''/g, "'") },
      });
    } else if (text.includes('(')) {
      return undefined;
    } else {
      out.push({ name: text });
    }
  }
  return out;
}

/** The `$select` list, if given. */
export function parseSelect(query: URLSearchParams): string[] | undefined {
  const raw = query.get('$select');
  return raw === null
    ? undefined
    : raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}

/**
 * Projects an entity to the `$select`ed properties (Graph returns only those). An unknown property name
 * gives Graph's 400.
 */
export function applySelect(
  g: GraphContext,
  value: Record<string, unknown>,
  select: readonly string[] | undefined,
  typeName: string,
): Record<string, unknown> | EmulatorHttpResponse {
  if (!select) return value;
  const out: Record<string, unknown> = {};
  for (const name of select) {
    const key = Object.keys(value).find((k) => k.toLowerCase() === name.toLowerCase());
    if (key === undefined) {
      return graphError(
        g,
        400,
        'BadRequest',
        `Could not find a property named '${name}' on type '${typeName}'.`,
      );
    }
    out[key] = value[key];
  }
  return out;
}

/** One `property eq 'value'` clause. */
export interface FilterClause {
  readonly property: string;
  readonly value: string | null;
}

/**
 * Parses `$filter` of the form `a eq 'x' and b eq 'y'` (also `eq null`) over the allowed properties.
 * Anything else gives Graph's `Request_UnsupportedQuery` 400.
 */
export function parseFilter(
  g: GraphContext,
  allowed: readonly string[],
  typeName: string,
): FilterClause[] | EmulatorHttpResponse {
  const raw = g.req.url.searchParams.get('$filter');
  if (raw === null || raw.trim() === '') return [];
  const clauses: FilterClause[] = [];
  for (const part of raw.trim().split(/\s+and\s+/i)) {
    const m = /^\(?\s*(\w+)\s+eq\s+(?:'((?:[^']|'')*)'|(null))\s*\)?$/i.exec(part.trim());
    const property = allowed.find((a) => a.toLowerCase() === m?.[1]?.toLowerCase());
    if (!m || !property) {
      return graphError(
        g,
        400,
        'Request_UnsupportedQuery',
        `Unsupported or invalid query filter clause specified for property '${m?.[1] ?? part}' of resource '${typeName}'.`,
      );
    }
    clauses.push({ property, value: m[3] ? null : (m[2] ?? '').replace(/''/g, "'") });
  }
  return clauses;
}

/** Whether an object matches every clause (GUIDs and names compare case-insensitively). */
export function matchesFilter(value: object, clauses: readonly FilterClause[]): boolean {
  return clauses.every((c) => {
    const v = (value as Record<string, unknown>)[c.property];
    if (c.value === null) return v === null || v === undefined;
    return typeof v === 'string' && v.toLowerCase() === c.value.toLowerCase();
  });
}
