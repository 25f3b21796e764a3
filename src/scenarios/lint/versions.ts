/**
 * Rules `schema-version` (every event type is declared with a schema version, and events are
 * written with a version that exists) and `breaking-change` (an earlier version, read through its
 * upcasters, must still give what the current version promises to the consumers that read it).
 */
import type { ScenarioDef } from '../schema';
import { formatPath } from '../index/jsonPath';
import { indexScenario } from '../index/scenarioIndex';
import { readersOf } from './readers';
import type { LintFinding } from './types';

type FieldMap = Map<string, { type: string; optional: boolean }>;
const fieldMap = (fields: { name: string; type: string; optional?: boolean | undefined }[]): FieldMap =>
  new Map(fields.map((f) => [f.name, { type: f.type, optional: f.optional ?? false }]));

export function versionFindings(s: ScenarioDef): LintFinding[] {
  const out: LintFinding[] = [];
  const t = s.topology;
  const catalog = new Map((t.eventTypes ?? []).map((e) => [e.name, e]));
  if (!t.eventTypes?.length) {
    const used = indexScenario(s).eventTypeNames;
    if (used.length) {
      out.push({
        rule: 'schema-version',
        severity: 'info',
        path: 'topology',
        message: `${used.length} event type(s) are used (${used.slice(0, 4).join(', ')}${used.length > 4 ? ', …' : ''}) but none is declared with a schema version and fields.`,
        fix: 'Declare each in topology.eventTypes with its schemaVersion and fields, so consumers know the contract and changes can be checked.',
      });
    }
    return out;
  }
  const known = (type: string) => {
    const e = catalog.get(type);
    return e ? [e.schemaVersion, ...(e.previousVersions ?? []).map((p) => p.schemaVersion)] : [];
  };
  const written = (type: string, version: number | undefined, path: string, isNew: boolean) => {
    const e = catalog.get(type);
    const v = version ?? 1;
    if (!e) return;
    if (!known(type).includes(v)) {
      out.push({
        rule: 'schema-version',
        severity: 'error',
        path,
        message: `${type} is written as version ${v}, which is not declared (declared: ${known(type).join(', ')}).`,
        fix: `Write version ${e.schemaVersion}, or declare version ${v} in previousVersions.`,
      });
    } else if (isNew && v !== e.schemaVersion) {
      out.push({
        rule: 'schema-version',
        severity: 'warning',
        path,
        message: `New ${type} events are written as version ${v}, but the current version is ${e.schemaVersion}.`,
        fix: `Set schemaVersion: ${e.schemaVersion} on this emit.`,
      });
    }
  };
  // Aggregates' emits (new events: the current version is expected), then the script's publish and enqueue steps.
  const writes = indexScenario(s).writes;
  for (const roles of [['emit'], ['publish', 'enqueue']])
    for (const w of writes)
      if (roles.includes(w.role))
        written(w.eventType, w.schemaVersion ?? undefined, formatPath(w.path), w.role === 'emit');
  t.eventTypes?.forEach((e, i) => {
    const seen = new Set([e.schemaVersion]);
    e.previousVersions?.forEach((p, j) => {
      const path = `topology.eventTypes[${i}].previousVersions[${j}].schemaVersion`;
      if (p.schemaVersion >= e.schemaVersion)
        out.push({
          rule: 'schema-version',
          severity: 'error',
          path,
          message: `A previous version of ${e.name} (${p.schemaVersion}) is not older than the current one (${e.schemaVersion}).`,
          fix: 'Bump the current schemaVersion above every previous version.',
        });
      else if (seen.has(p.schemaVersion))
        out.push({
          rule: 'schema-version',
          severity: 'error',
          path,
          message: `Version ${p.schemaVersion} of ${e.name} is declared twice.`,
          fix: 'Keep one entry per version.',
        });
      seen.add(p.schemaVersion);
    });
  });
  t.upcasters?.forEach((u, i) => {
    const e = catalog.get(u.eventType);
    if (e && u.fromVersion >= e.schemaVersion)
      out.push({
        rule: 'schema-version',
        severity: 'error',
        path: `topology.upcasters[${i}].fromVersion`,
        message: `This upcaster turns ${u.eventType} v${u.fromVersion} into v${u.fromVersion + 1}, past the current version ${e.schemaVersion}.`,
        fix: `Upcast from an older version, or bump ${u.eventType} to v${u.fromVersion + 1}.`,
      });
  });
  t.eventTypes?.forEach((e, i) =>
    e.previousVersions?.forEach((p, j) =>
      out.push(
        ...breaking(
          s,
          e.name,
          fieldMap(e.fields),
          p.schemaVersion,
          e.schemaVersion,
          fieldMap(p.fields),
          `topology.eventTypes[${i}].previousVersions[${j}]`,
        ),
      ),
    ),
  );
  return out;
}

/** Applies the upcasters from `from` up to the current version to an old version's fields. */
function upcastFields(s: ScenarioDef, type: string, from: number, current: number, fields: FieldMap): FieldMap {
  const out: FieldMap = new Map(fields);
  for (let v = from; v < current; v++) {
    const u = s.topology.upcasters?.find((x) => x.eventType === type && x.fromVersion === v);
    for (const op of u?.ops ?? []) {
      if (op.op === 'rename' && out.has(op.from)) {
        out.set(op.to, out.get(op.from)!);
        out.delete(op.from);
      } else if (op.op === 'add' && !out.has(op.field)) out.set(op.field, { type: 'any', optional: false });
      else if (op.op === 'remove') out.delete(op.field);
      else if (op.op === 'convert' && out.has(op.field)) out.set(op.field, { ...out.get(op.field)!, type: op.to });
    }
  }
  return out;
}

function breaking(
  s: ScenarioDef,
  type: string,
  current: FieldMap,
  from: number,
  to: number,
  old: FieldMap,
  path: string,
): LintFinding[] {
  const after = upcastFields(s, type, from, to, old);
  const problems: { field: string; what: string; fix: string }[] = [];
  for (const [name, f] of current) {
    const was = after.get(name);
    if (!was && !f.optional)
      problems.push({
        field: name,
        what: `v${from} events have no "${name}" (removed or renamed without an upcaster)`,
        fix: `add an upcaster for ${type} v${from} that renames the old field to "${name}" or adds it with a default`,
      });
    else if (was && was.type !== 'any' && was.type !== f.type)
      problems.push({
        field: name,
        what: `"${name}" was a ${was.type} in v${from} and is a ${f.type} now`,
        fix: `add a convert op for "${name}" to ${f.type} in the upcaster for ${type} v${from}`,
      });
  }
  for (const name of after.keys()) {
    if (!current.has(name))
      problems.push({
        field: name,
        what: `"${name}" of v${from} is gone from v${to} but old events still carry it`,
        fix: `rename or remove "${name}" in the upcaster for ${type} v${from}`,
      });
  }
  const readers = readersOf(s, type);
  return problems.map((p) => {
    const breaks = readers.filter((r) => r.fields.has(p.field)).map((r) => r.name);
    return {
      rule: 'breaking-change',
      severity: breaks.length ? 'error' : 'warning',
      path,
      message: `${type} changed incompatibly: ${p.what}. ${breaks.length ? `It breaks ${[...new Set(breaks)].join(', ')}, which read${breaks.length === 1 ? 's' : ''} "${p.field}".` : 'Nothing here reads it, but consumers elsewhere may.'}`,
      fix: `To fix, ${p.fix}.`,
    };
  });
}
