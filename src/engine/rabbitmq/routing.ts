/**
 * Which queues an exchange routes a message to (rabbit_exchange_type_*.erl, v3.10.8;
 * https://www.rabbitmq.com/tutorials/amqp-concepts.html#exchanges). A queue gets one copy however
 * many of its bindings match.
 */
import type { Binding, Exchange, HeaderValue, RabbitState } from './rabbitState';

/**
 * Topic matching: words are separated by '.', `*` is exactly one word, `#` is zero or more words
 * (rabbit_exchange_type_topic.erl).
 */
export function topicMatches(pattern: string, routingKey: string): boolean {
  // An empty key has no words at all (split_topic_key(<<>>) = []), so '*' does not match it and '#' does.
  const words = (s: string) => (s === '' ? [] : s.split('.'));
  const p = words(pattern);
  const k = words(routingKey);
  const match = (i: number, j: number): boolean => {
    if (i === p.length) return j === k.length;
    if (p[i] === '#') {
      for (let n = j; n <= k.length; n++) if (match(i + 1, n)) return true;
      return false;
    }
    if (j === k.length) return false;
    return (p[i] === '*' || p[i] === k[j]) && match(i + 1, j + 1);
  };
  return match(0, 0);
}

/**
 * Headers matching (rabbit_exchange_type_headers.erl headers_match): `x-match` = `all` (the default) or
 * `any`; binding arguments starting with `x-` are not compared, unless `x-match` is `all-with-x` or
 * `any-with-x`. A binding argument with no value (null, AMQP void) matches any value of that header.
 * With nothing to compare, `all` matches every message and `any` none.
 */
export function headersMatch(
  args: Readonly<Record<string, HeaderValue>>,
  headers: Readonly<Record<string, HeaderValue>>,
): boolean {
  const mode = String(args['x-match'] ?? 'all');
  const withX = mode === 'all-with-x' || mode === 'any-with-x';
  const pairs = Object.entries(args).filter(([k]) => k !== 'x-match' && (withX || !k.startsWith('x-')));
  const hit = ([k, v]: [string, HeaderValue]) =>
    Object.prototype.hasOwnProperty.call(headers, k) && (v === null || headers[k] === v);
  return mode.startsWith('any') ? pairs.some(hit) : pairs.every(hit);
}

function bindingMatches(
  x: Exchange,
  b: Binding,
  routingKey: string,
  headers: Readonly<Record<string, HeaderValue>>,
): boolean {
  switch (x.type) {
    case 'direct':
      return b.routingKey === routingKey;
    case 'fanout':
      return true;
    case 'topic':
      return topicMatches(b.routingKey, routingKey);
    case 'headers':
      return headersMatch(b.arguments, headers);
  }
}

/** Queue names the exchange routes to, once each, in binding order. The default exchange ('') routes to the queue named by the key. */
export function route(
  s: RabbitState,
  exchange: string,
  routingKey: string,
  headers: Readonly<Record<string, HeaderValue>>,
): string[] {
  if (exchange === '') return s.queues[routingKey] ? [routingKey] : [];
  const x = s.exchanges[exchange];
  if (!x) return [];
  const out: string[] = [];
  for (const b of s.bindings)
    if (b.exchange === exchange && !out.includes(b.queue) && bindingMatches(x, b, routingKey, headers))
      out.push(b.queue);
  return out;
}

/** Why it matched, for reasons shown to learners. */
export function routingRule(x: Exchange): string {
  switch (x.type) {
    case 'direct':
      return 'a direct exchange routes to bindings whose key equals the routing key';
    case 'fanout':
      return 'a fanout exchange copies to every bound queue and ignores the routing key';
    case 'topic':
      return "a topic exchange matches binding patterns word by word ('*' = one word, '#' = zero or more)";
    case 'headers':
      return 'a headers exchange compares message headers with the binding (x-match all or any)';
  }
}
