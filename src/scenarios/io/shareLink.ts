/**
 * Share links that travel: the smallest link that reopens what the learner sees.
 *   - a built-in's own run: its address `#/s/<id>/<step>` (no data at all);
 *   - a branch of a built-in: the built-in's id and content version, the learner's inputs, the step;
 *   - a learner's scenario (fork, import, blank design): a JSON Patch (RFC 6902) against the built-in
 *     it differs least from, or the whole document when that is smaller (a blank design);
 * each compressed after `#/share/` (shareCodec.ts). Opening one validates everything like an import
 * and says so when the built-in it was made from has changed since (its content version differs).
 * Links of the first format (a whole scenario, no envelope) still open.
 */
import { applyPatch, createPatch, type Operation } from 'rfc6902';
import { changesTheStory, type LearnerInput } from '../../engine/types';
import { allBuiltins, findBuiltin } from '../content';
import { LearnerInputSchema, MAX_STEP } from '../learnerInput';
import type { ScenarioDef } from '../schema';
import { Id } from '../format/id';
import { z } from '../zod';
import { contentVersion } from './contentVersion';
import { importScenarioValue } from './importScenario';
import { packText, unpackText } from './shareCodec';
import { MAX_IMPORT_BYTES, parseUntrustedJson } from './untrustedJson';

export { fromBase64Url, toBase64Url } from './shareCodec';

export const SHARE_PREFIX = '#/share/';
/** Longer links are unreliable in chat apps, mail clients and some browsers: offer the file instead. */
export const MAX_SHARE_URL_CHARS = 8000;
/** Encoded data longer than this is refused before inflating. */
export const MAX_SHARE_DATA_CHARS = 1_000_000;
/** A link carries the learner's story-changing actions; far more than anyone clicks in one branch. */
export const MAX_SHARED_INPUTS = 500;

/** What a link reopens. */
export interface ShareSource {
  scenario: ScenarioDef;
  inputs: readonly LearnerInput[];
  step: number;
}

const PatchOp = z.strictObject({
  op: z.enum(['add', 'remove', 'replace', 'move', 'copy', 'test']),
  path: z.string().max(500),
  from: z.string().max(500).optional(),
  value: z.unknown().optional(),
});
const Envelope = z.strictObject({
  v: z.literal(2),
  /** The built-in this link starts from, and its content version when the link was made. */
  b: Id.optional(),
  cv: z.string().max(32).optional(),
  /** A patch against that built-in (a learner's scenario). */
  p: z.array(PatchOp).max(5000).optional(),
  /** The whole document (a design that shares little with any built-in). */
  d: z.unknown().optional(),
  /** Story-changing learner inputs (answers stay with whoever gave them). */
  i: z.array(LearnerInputSchema).max(MAX_SHARED_INPUTS).optional(),
  s: z.number().int().min(0).max(MAX_STEP),
});
type Envelope = z.infer<typeof Envelope>;

const shareable = (inputs: readonly LearnerInput[]) => inputs.filter(changesTheStory);
const withoutHint = ({ $schema: _hint, ...rest }: ScenarioDef): ScenarioDef => rest;

/** The hash (`#/s/…` or `#/share/…`) that reopens `source` in any browser. */
export async function shareHash(source: ShareSource): Promise<string> {
  const inputs = shareable(source.inputs);
  const step = source.step;
  const builtin = findBuiltin(source.scenario.id);
  const unchanged = builtin !== undefined && contentVersion(builtin) === contentVersion(source.scenario);
  if (unchanged && inputs.length === 0) return `#/s/${encodeURIComponent(builtin.id)}/${step}`;
  const tail = inputs.length ? { i: [...inputs], s: step } : { s: step };
  if (unchanged)
    return (
      SHARE_PREFIX + (await packText(JSON.stringify({ v: 2, b: builtin.id, cv: contentVersion(builtin), ...tail })))
    );
  // A learner's own scenario: whichever form is smallest once compressed.
  const doc = withoutHint(source.scenario);
  const candidates: Envelope[] = [{ v: 2, d: doc, ...tail }];
  for (const base of allBuiltins()) {
    const patch = createPatch(base, doc);
    // A patch longer than the document cannot win; skip compressing it.
    if (JSON.stringify(patch).length < JSON.stringify(doc).length)
      candidates.push({ v: 2, b: base.id, cv: contentVersion(base), p: patch, ...tail });
  }
  const packed = await Promise.all(candidates.map((c) => packText(JSON.stringify(c))));
  return SHARE_PREFIX + packed.reduce((best, p) => (p.length < best.length ? p : best));
}

/** The whole scenario in a link, at step 0 (kept for exports and tests of the document form). */
export async function encodeShare(s: ScenarioDef): Promise<string> {
  return packText(JSON.stringify({ v: 2, d: withoutHint(s), s: 0 }));
}

export interface ScenarioIssueLike {
  path: string;
  message: string;
}
export type DecodedShare =
  | {
      ok: true;
      scenario: ScenarioDef;
      inputs: LearnerInput[];
      step: number;
      /** Set when the built-in the link was made from has changed since. */
      notice: string | null;
    }
  | { ok: false; issues: ScenarioIssueLike[] };

/** The path of an issue that is the whole link's (or the whole text's), not a place in its scenario. */
const WHOLE = new Set(['(link)', '(root)']);
const fail = (message: string, path = '(link)'): DecodedShare => ({ ok: false, issues: [{ path, message }] });

/**
 * Why a link cannot be opened, as the learner reads it: a problem with the whole link is its sentence
 * alone (no "(link):" path, which names nothing on screen); a problem inside its scenario keeps its path.
 */
export function describeShareIssues(issues: readonly ScenarioIssueLike[]): string {
  const text = issues.map((i) => (WHOLE.has(i.path) ? i.message : `at ${i.path}: ${i.message}`)).join('; ');
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?][)”]?$/.test(sentence) ? sentence : `${sentence}.`;
}
const UNSAFE_SEGMENT = /(^|\/)(__proto__|constructor|prototype)(\/|$)/;

/** Decodes the data of a share link (with or without the `#/share/` prefix) and validates it like an import. */
export async function decodeShare(data: string): Promise<DecodedShare> {
  const raw = data.startsWith(SHARE_PREFIX) ? data.slice(SHARE_PREFIX.length) : data;
  if (raw.length === 0) return fail('the share link holds no scenario');
  if (raw.length > MAX_SHARE_DATA_CHARS) return fail(`the share link is too long (${raw.length} characters)`);
  const text = await unpackText(raw, MAX_IMPORT_BYTES);
  if (!text.ok) return fail(text.message);
  const json = parseUntrustedJson(text.text);
  if (!json.ok) return { ok: false, issues: json.issues };
  const value = json.value;
  // The first format: the scenario itself, opened at its start.
  if (value && typeof value === 'object' && !Array.isArray(value) && !('v' in value))
    return asScenario(importScenarioValue(value), [], 0, null);
  const env = Envelope.safeParse(value);
  if (!env.success)
    return fail(
      `the share link is not one this version of Event Lab understands (${env.error.issues[0]?.message ?? 'unknown shape'} at ${env.error.issues[0]?.path.join('.') || 'its root'})`,
    );
  const { b, cv, p, d, i = [], s } = env.data;
  if (d !== undefined) {
    if (b !== undefined || p !== undefined) return fail('the share link holds both a document and a patch');
    return asScenario(importScenarioValue(d), i, s, null);
  }
  if (b === undefined) return fail('the share link names no scenario');
  const base = findBuiltin(b);
  if (!base)
    return fail(`the share link starts from a built-in scenario “${b}” that this version of Event Lab does not have`);
  const changed = cv !== contentVersion(base);
  const notice = changed
    ? `This link was made from an earlier version of “${base.title}”, which has changed since. What you see is ${p ? 'the shared changes applied to' : 'the shared actions replayed on'} the current version, so it may differ from what the sender saw.`
    : null;
  if (!p) return asScenario({ ok: true, scenario: base }, i, s, notice);
  if (p.some((op) => UNSAFE_SEGMENT.test(op.path) || (op.from !== undefined && UNSAFE_SEGMENT.test(op.from))))
    return fail('the share link’s changes touch a forbidden key');
  const doc = structuredClone(base) as unknown;
  const errors = applyPatch(doc, p as Operation[]);
  const failed = errors.findIndex((e) => e !== null);
  if (failed >= 0) {
    return fail(
      changed
        ? `this link was made from an earlier version of “${base.title}”, and its changes no longer fit the current version (change ${failed + 1} of ${p.length}). Ask the sender to export the scenario as a file instead.`
        : `the share link is damaged: change ${failed + 1} of ${p.length} does not apply`,
    );
  }
  return asScenario(importScenarioValue(doc), i, s, notice);
}

function asScenario(
  r: ReturnType<typeof importScenarioValue>,
  inputs: LearnerInput[],
  step: number,
  notice: string | null,
): DecodedShare {
  if (!r.ok) return { ok: false, issues: r.issues };
  return { ok: true, scenario: r.scenario, inputs, step, notice };
}

export type ShareUrl = { ok: true; url: string; length: number } | { ok: false; length: number; message: string };

/** The full link for a base URL (e.g. `location.href` without its hash) and a hash, or why it should not be shared. */
export function shareUrl(baseUrl: string, hash: string): ShareUrl {
  const url = `${baseUrl.split('#')[0]}${hash.startsWith('#') ? hash : SHARE_PREFIX + hash}`;
  if (url.length <= MAX_SHARE_URL_CHARS) return { ok: true, url, length: url.length };
  return {
    ok: false,
    length: url.length,
    message: `This scenario is too large for a link (${url.length} characters; links longer than ${MAX_SHARE_URL_CHARS} often break). Export it as a file and share the file instead.`,
  };
}
