/**
 * Share links: the scenario as compact JSON, deflate-raw compressed with the standard
 * CompressionStream, base64url encoded, placed after `#/share/` (a URL fragment is never sent to a
 * server). Decoding bounds the inflated size (a small link cannot inflate into gigabytes) and then
 * runs the full import validation.
 */
import type { ScenarioDef } from '../schema';
import { importScenarioText, type ImportResult } from './importScenario';
import { MAX_IMPORT_BYTES } from './untrustedJson';

export const SHARE_PREFIX = '#/share/';
/** Longer links are unreliable in chat apps, mail clients and some browsers: offer the file instead. */
export const MAX_SHARE_URL_CHARS = 8000;
/** Encoded data longer than this is refused before inflating. */
export const MAX_SHARE_DATA_CHARS = 1_000_000;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, maxOut: number): Promise<Uint8Array | null> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxOut) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(data: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(data) || data.length % 4 === 1) return null;
  const binary = atob(data.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (data.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The data part of a share link (what goes after `#/share/`). */
export async function encodeShare(s: ScenarioDef): Promise<string> {
  const { $schema: _hint, ...rest } = s;
  const bytes = new TextEncoder().encode(JSON.stringify(rest));
  const deflated = await pipe(bytes, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER);
  return toBase64Url(deflated!);
}

const fail = (message: string): ImportResult => ({ ok: false, issues: [{ path: '(link)', message }] });

/** Decodes the data of a share link (with or without the `#/share/` prefix) and validates it like an import. */
export async function decodeShare(data: string): Promise<ImportResult> {
  const raw = data.startsWith(SHARE_PREFIX) ? data.slice(SHARE_PREFIX.length) : data;
  if (raw.length === 0) return fail('the share link holds no scenario');
  if (raw.length > MAX_SHARE_DATA_CHARS) return fail(`the share link is too long (${raw.length} characters)`);
  const bytes = fromBase64Url(raw);
  if (!bytes) return fail('the share link is damaged: it is not base64url text (was it cut or changed?)');
  let inflated: Uint8Array | null;
  try {
    inflated = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_IMPORT_BYTES);
  } catch {
    return fail('the share link is damaged: its data cannot be decompressed (was it cut or changed?)');
  }
  if (!inflated) return fail(`the shared scenario is larger than ${MAX_IMPORT_BYTES / 1_000_000} MB once decompressed`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return fail('the share link is damaged: its data is not UTF-8 text');
  }
  return importScenarioText(text);
}

export type ShareUrl = { ok: true; url: string; length: number } | { ok: false; length: number; message: string };

/** The full link for a base URL (e.g. `location.href` without its hash), or why it should not be shared. */
export function shareUrl(baseUrl: string, data: string): ShareUrl {
  const url = `${baseUrl.split('#')[0]}${SHARE_PREFIX}${data}`;
  if (url.length <= MAX_SHARE_URL_CHARS) return { ok: true, url, length: url.length };
  return {
    ok: false,
    length: url.length,
    message: `This scenario is too large for a link (${url.length} characters; links longer than ${MAX_SHARE_URL_CHARS} often break). Export it as a file and share the file instead.`,
  };
}
