/** The result of every NATS operation, and small helpers shared by the operation files. */
import type { NatsEffect } from './effects';
import type { NatsState } from './natsState';

export interface NatsStep {
  state: NatsState;
  effects: NatsEffect[];
}

/** A refused request: the state as it was and one `nats-rejected` effect saying why. */
export const rejected = (state: NatsState, request: string, error: string, code: number, reason: string): NatsStep => ({
  state,
  effects: [{ kind: 'nats-rejected', request, error, code, reason }],
});

/** UTF-8 length of a string (payload sizes count bytes, not characters). */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Header block bytes as the server counts them: `NATS/1.0\r\n` + `Name: value\r\n` each + `\r\n`; none when empty. */
export function headerLength(headers: Readonly<Record<string, string>>): number {
  const entries = Object.entries(headers);
  if (entries.length === 0) return 0;
  return 10 + entries.reduce((n, [k, v]) => n + utf8Length(k) + 2 + utf8Length(v) + 2, 0) + 2;
}
