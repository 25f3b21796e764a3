/**
 * Names on RabbitMQ and NATS for the scenario's topics and groups. Scenario ids may hold ".", "_" and "-"
 * (formats/basics.ts): RabbitMQ refuses names starting "amq." (ACCESS_REFUSED), and in NATS "." separates
 * subject tokens and is not allowed in stream or durable names. So every name gets a prefix of ours, NATS
 * names lose their dots, and two ids that would end up with the same name get a number.
 */

/** Characters NATS allows in a stream or durable name that also read well (no ".", "*", ">", spaces, slashes). */
const safe = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');

/** Gives each id a name from `make`, adding "-2", "-3"… when an earlier id already took that name. */
function distinct(ids: readonly string[], make: (id: string) => string): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const id of ids) {
    const base = make(id);
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
    taken.add(name);
    out.set(id, name);
  }
  return out;
}

/** RabbitMQ: one fanout exchange per topic, one queue per group (AMQP names allow our ids as they are). */
export function rabbitNames(topics: readonly string[], groups: readonly string[]) {
  return {
    exchange: distinct(topics, (t) => `eventlab.topic.${t}`),
    queue: distinct(groups, (g) => `eventlab.group.${g}`),
  };
}

/** NATS JetStream: one stream per topic with subjects `<root>.<key token>`, one durable consumer per group. */
export function natsNames(topics: readonly string[], groups: readonly string[]) {
  const stream = distinct(topics, (t) => `eventlab-${safe(t)}`);
  return {
    stream,
    subjectRoot: new Map([...stream].map(([t, s]) => [t, s.replace(/^eventlab-/, 'eventlab.')])),
    durable: distinct(groups, (g) => `eventlab-${safe(g)}`),
  };
}

/**
 * The subject token of a record key: the key itself when it is a plain token, else "~" and its UTF-8
 * bytes in hex ("~" never occurs in a plain token, so two keys never share a token); "~none" for no key.
 */
export function keyToken(key: string | null): string {
  if (key === null) return '~none';
  if (/^[A-Za-z0-9_-]+$/.test(key)) return key;
  return '~' + [...new TextEncoder().encode(key)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
