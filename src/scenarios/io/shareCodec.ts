/**
 * The bytes of a share link: UTF-8 JSON, deflate-raw compressed with the standard
 * CompressionStream, base64url encoded (a URL fragment is never sent to a server). Inflating is
 * bounded, so a small link cannot inflate into gigabytes.
 */

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  maxOut: number,
): Promise<Uint8Array | null> {
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

/** Text → the data part of a link. */
export async function packText(text: string): Promise<string> {
  const deflated = await pipe(
    new TextEncoder().encode(text),
    new CompressionStream('deflate-raw'),
    Number.MAX_SAFE_INTEGER,
  );
  return toBase64Url(deflated!);
}

/** The data part of a link → text, or why it cannot be read (worded for the learner). */
export async function unpackText(
  data: string,
  maxBytes: number,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const bytes = fromBase64Url(data);
  if (!bytes)
    return { ok: false, message: 'the share link is damaged: it is not base64url text (was it cut or changed?)' };
  let inflated: Uint8Array | null;
  try {
    inflated = await pipe(bytes, new DecompressionStream('deflate-raw'), maxBytes);
  } catch {
    return {
      ok: false,
      message: 'the share link is damaged: its data cannot be decompressed (was it cut or changed?)',
    };
  }
  if (!inflated)
    return { ok: false, message: `the shared scenario is larger than ${maxBytes / 1_000_000} MB once decompressed` };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(inflated) };
  } catch {
    return { ok: false, message: 'the share link is damaged: its data is not UTF-8 text' };
  }
}
