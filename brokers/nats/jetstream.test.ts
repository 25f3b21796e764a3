/**
 * Differential tests (issue 15): the same JetStream script through the NATS profile and through Debian's
 * nats-server 2.9.10; the transcripts must be equal, and the expected deliveries are asserted too.
 */
import { describe, expect, inject, it } from 'vitest';
import { runProfile } from './profileRun';
import { received, type Rec, type Step } from './script';
import { runServer } from './serverRun';

let n = 0;
/** A stream name of its own per test, so scripts never see each other's state on the shared server. */
const fresh = (base: string) => `${base}_${process.pid}_${++n}`;

async function both(script: Step[]): Promise<Rec[]> {
  const real = await runServer(inject('natsUrl'), script);
  const model = runProfile(script);
  expect(model).toEqual(real);
  return real;
}

const pubs = (subject: string, ...data: string[]): Step[] => data.map((d) => ({ do: 'publish', subject, data: d }));
const stream = (name: string, extra: Partial<Extract<Step, { do: 'stream' }>['config']> = {}): Step => ({
  do: 'stream',
  config: { name, subjects: [`${name}.>`], ...extra },
});
const consumer = (s: string, name: string, extra: Partial<Extract<Step, { do: 'consumer' }>['config']> = {}): Step => ({
  do: 'consumer',
  config: { stream: s, name, ackPolicy: 'explicit', ...extra },
});

describe('JetStream against nats-server 2.9.10', () => {
  it('publishes with and without Nats-Msg-Id: a duplicate inside the window is acked with the first sequence', async () => {
    const s = fresh('DEDUP');
    const recs = await both([
      stream(s),
      { do: 'publish', subject: `${s}.a`, data: 'one', msgId: 'm-1' },
      { do: 'publish', subject: `${s}.a`, data: 'one again', msgId: 'm-1' },
      { do: 'publish', subject: `${s}.a`, data: 'no id' },
      { do: 'publish', subject: `${s}.a`, data: 'no id' },
      { do: 'stream-info' },
    ]);
    expect(recs.filter((r) => r.step === 'publish')).toEqual([
      { step: 'publish', seq: 1, duplicate: false },
      { step: 'publish', seq: 1, duplicate: true },
      { step: 'publish', seq: 2, duplicate: false },
      { step: 'publish', seq: 3, duplicate: false },
    ]);
  });

  it('a Msg-Id outside a short duplicate window is stored again', async () => {
    const s = fresh('WINDOW');
    const recs = await both([
      stream(s, { duplicateWindowMs: 300 }),
      { do: 'publish', subject: `${s}.a`, data: 'x', msgId: 'm-1' },
      { do: 'wait', ms: 600 },
      { do: 'publish', subject: `${s}.a`, data: 'x', msgId: 'm-1' },
    ]);
    expect(recs.filter((r) => r.step === 'publish')).toEqual([
      { step: 'publish', seq: 1, duplicate: false },
      { step: 'publish', seq: 2, duplicate: false },
    ]);
  });

  it('a pull consumer fetches in order with stream and consumer sequences; ack, nak and term', async () => {
    const s = fresh('PULL');
    const recs = await both([
      stream(s),
      consumer(s, 'c'),
      ...pubs(`${s}.o`, 'a', 'b', 'c', 'd'),
      { do: 'fetch', consumer: 'c', batch: 3 },
      { do: 'info', consumer: 'c' },
      { do: 'ack', consumer: 'c', seq: 1, type: 'ack' },
      { do: 'ack', consumer: 'c', seq: 2, type: 'nak' },
      { do: 'ack', consumer: 'c', seq: 3, type: 'term' },
      { do: 'fetch', consumer: 'c', batch: 5 },
      { do: 'ack', consumer: 'c', seq: 2, type: 'ack', sync: true },
      { do: 'ack', consumer: 'c', seq: 4, type: 'ack', sync: true },
      { do: 'info', consumer: 'c' },
      { do: 'fetch', consumer: 'c', batch: 5 },
    ]);
    expect(received(recs, 'c')).toEqual(['a@1/1', 'b@2/1', 'c@3/1', 'b@2/2', 'd@4/1']);
    const fetches = recs.filter((r) => r.step === 'fetch');
    expect(fetches[1]!.got.map((d) => [d.consumerSeq, d.redelivered])).toEqual([
      [4, true],
      [5, false],
    ]);
    expect(recs.filter((r) => r.step === 'ack')).toEqual([
      { step: 'ack', confirmed: true },
      { step: 'ack', confirmed: true },
    ]);
    expect(recs.filter((r) => r.step === 'info').pop()).toMatchObject({
      numAckPending: 0,
      numPending: 0,
      ackFloor: { streamSeq: 4 },
    });
  });

  it('ack wait expiry redelivers with a growing delivery count until max deliver', async () => {
    const s = fresh('ACKWAIT');
    const recs = await both([
      stream(s),
      consumer(s, 'c', { ackWaitMs: 400, maxDeliver: 2 }),
      ...pubs(`${s}.o`, 'a', 'b'),
      { do: 'fetch', consumer: 'c', batch: 2 },
      { do: 'ack', consumer: 'c', seq: 2, type: 'ack' },
      { do: 'wait', ms: 650 },
      { do: 'info', consumer: 'c' },
      { do: 'fetch', consumer: 'c', batch: 2 },
      { do: 'wait', ms: 650 },
      { do: 'fetch', consumer: 'c', batch: 2 },
      { do: 'info', consumer: 'c' },
    ]);
    expect(received(recs, 'c')).toEqual(['a@1/1', 'b@2/1', 'a@1/2']);
    expect(recs.filter((r) => r.step === 'info').pop()).toMatchObject({ numAckPending: 0, numRedelivered: 1 });
  });

  it('the switched delivery-guarantees run: a crashed member’s message is not fetched again before ack wait, then comes back', async () => {
    // "Run on another broker" (src/scenarios/switchProfile/nats.ts): the group's members share one durable pull
    // consumer, so a crash is just no ack; the server redelivers after ack wait (30 s there, 400 ms here).
    const s = fresh('BILLING');
    const recs = await both([
      stream(s),
      consumer(s, 'billing', { ackWaitMs: 400 }),
      ...pubs(`${s}.OrderPlaced`, 'order-1001', 'order-1003'),
      // billing-1, at-most-once: acknowledges what it fetched before processing it, then crashes.
      { do: 'fetch', consumer: 'billing', batch: 500 },
      { do: 'ack', consumer: 'billing', seq: 1, type: 'ack', sync: true },
      { do: 'ack', consumer: 'billing', seq: 2, type: 'ack', sync: true },
      ...pubs(`${s}.OrderPlaced`, 'order-1004'),
      // billing-2, at-least-once: processes order-1004 and crashes before its ack.
      { do: 'fetch', consumer: 'billing', batch: 500 },
      // Before ack wait passes the next member gets nothing: the message is still pending for the crashed one.
      { do: 'fetch', consumer: 'billing', batch: 500 },
      { do: 'info', consumer: 'billing' },
      { do: 'wait', ms: 650 },
      // After it, the next fetch gets it again: delivery 2, redelivered.
      { do: 'fetch', consumer: 'billing', batch: 500 },
      { do: 'ack', consumer: 'billing', seq: 3, type: 'ack', sync: true },
      { do: 'info', consumer: 'billing' },
    ]);
    expect(received(recs, 'billing')).toEqual(['order-1001@1/1', 'order-1003@2/1', 'order-1004@3/1', 'order-1004@3/2']);
    const infos = recs.filter((r) => r.step === 'info');
    expect(infos[0]).toMatchObject({ numAckPending: 1, numPending: 0 });
    expect(infos[1]).toMatchObject({ numAckPending: 0, ackFloor: { streamSeq: 3 } });
  });

  it('a nak with a delay comes back after the delay, not before', async () => {
    const s = fresh('NAKDELAY');
    const recs = await both([
      stream(s),
      consumer(s, 'c'),
      ...pubs(`${s}.o`, 'a'),
      { do: 'fetch', consumer: 'c', batch: 1 },
      { do: 'ack', consumer: 'c', seq: 1, type: 'nak', delayMs: 500 },
      { do: 'fetch', consumer: 'c', batch: 1 },
      { do: 'wait', ms: 750 },
      { do: 'fetch', consumer: 'c', batch: 1 },
    ]);
    expect(received(recs, 'c')).toEqual(['a@1/1', 'a@1/2']);
  });

  it('in progress restarts the ack wait', async () => {
    const s = fresh('WPI');
    const recs = await both([
      stream(s),
      consumer(s, 'c', { ackWaitMs: 1000 }),
      ...pubs(`${s}.o`, 'a'),
      { do: 'fetch', consumer: 'c', batch: 1 },
      { do: 'wait', ms: 600 },
      { do: 'ack', consumer: 'c', seq: 1, type: 'in-progress' },
      { do: 'wait', ms: 600 },
      { do: 'fetch', consumer: 'c', batch: 1 },
      { do: 'info', consumer: 'c' },
    ]);
    expect(received(recs, 'c')).toEqual(['a@1/1']);
    expect(recs.filter((r) => r.step === 'info').pop()).toMatchObject({ numAckPending: 1, numRedelivered: 0 });
  });

  it('deliver policies: all, last, new, by start sequence, last per subject, by start time, and a filter', async () => {
    const s = fresh('POLICY');
    const recs = await both([
      stream(s),
      ...pubs(`${s}.a`, 'a1'),
      ...pubs(`${s}.b`, 'b1'),
      ...pubs(`${s}.a`, 'a2'),
      { do: 'wait', ms: 50 },
      { do: 'mark' },
      { do: 'wait', ms: 50 },
      ...pubs(`${s}.c`, 'c1'),
      consumer(s, 'all'),
      consumer(s, 'last', { deliverPolicy: 'last' }),
      consumer(s, 'new', { deliverPolicy: 'new' }),
      consumer(s, 'seq', { deliverPolicy: 'by_start_sequence', optStartSeq: 2 }),
      consumer(s, 'lps', { deliverPolicy: 'last_per_subject', filterSubject: `${s}.*` }),
      {
        do: 'consumer',
        config: { stream: s, name: 'time', ackPolicy: 'explicit', deliverPolicy: 'by_start_time' },
        startAtMark: true,
      },
      consumer(s, 'onlya', { filterSubject: `${s}.a` }),
      ...pubs(`${s}.b`, 'b2'),
      ...['all', 'last', 'new', 'seq', 'lps', 'time', 'onlya'].map((c): Step => ({
        do: 'fetch',
        consumer: c,
        batch: 10,
      })),
      { do: 'info', consumer: 'lps' },
    ]);
    expect(received(recs, 'all').map((d) => d.split('@')[0])).toEqual(['a1', 'b1', 'a2', 'c1', 'b2']);
    expect(received(recs, 'last')).toEqual(['c1@4/1', 'b2@5/1']);
    expect(received(recs, 'new')).toEqual(['b2@5/1']);
    expect(received(recs, 'seq').map((d) => d.split('@')[0])).toEqual(['b1', 'a2', 'c1', 'b2']);
    // The last message of each subject when the consumer was created (b1, a2, c1), then what comes after.
    expect(received(recs, 'lps').map((d) => d.split('@')[0])).toEqual(['b1', 'a2', 'c1', 'b2']);
    expect(received(recs, 'time').map((d) => d.split('@')[0])).toEqual(['c1', 'b2']);
    expect(received(recs, 'onlya').map((d) => d.split('@')[0])).toEqual(['a1', 'a2']);
  });

  it('work-queue retention removes acked messages and refuses a second unfiltered consumer', async () => {
    const s = fresh('WORK');
    const recs = await both([
      stream(s, { retention: 'workqueue' }),
      consumer(s, 'w'),
      consumer(s, 'other'),
      ...pubs(`${s}.job`, 'j1', 'j2', 'j3'),
      { do: 'fetch', consumer: 'w', batch: 3 },
      { do: 'ack', consumer: 'w', seq: 1, type: 'ack' },
      { do: 'ack', consumer: 'w', seq: 2, type: 'nak' },
      { do: 'ack', consumer: 'w', seq: 3, type: 'term' },
      { do: 'stream-info' },
      { do: 'fetch', consumer: 'w', batch: 3 },
      { do: 'ack', consumer: 'w', seq: 2, type: 'ack', sync: true },
      { do: 'stream-info' },
    ]);
    expect(recs[2]).toEqual({ step: 'consumer', ok: false, code: 10099 });
    expect(received(recs, 'w')).toEqual(['j1@1/1', 'j2@2/1', 'j3@3/1', 'j2@2/2']);
    expect(recs.filter((r) => r.step === 'stream-info')).toEqual([
      { step: 'stream-info', messages: 1, firstSeq: 2, lastSeq: 3 },
      { step: 'stream-info', messages: 0, firstSeq: 4, lastSeq: 3 },
    ]);
  });

  it('interest retention keeps a message until every consumer acked it, and stores nothing without interest', async () => {
    const s = fresh('INTEREST');
    const recs = await both([
      stream(s, { retention: 'interest' }),
      ...pubs(`${s}.e`, 'nobody'),
      consumer(s, 'x'),
      consumer(s, 'y'),
      ...pubs(`${s}.e`, 'both'),
      { do: 'fetch', consumer: 'x', batch: 5 },
      { do: 'fetch', consumer: 'y', batch: 5 },
      { do: 'ack', consumer: 'x', seq: 2, type: 'ack', sync: true },
      { do: 'stream-info' },
      { do: 'ack', consumer: 'y', seq: 2, type: 'ack', sync: true },
      { do: 'stream-info' },
    ]);
    expect(recs[1]).toEqual({ step: 'publish', seq: 1, duplicate: false });
    expect(received(recs, 'x')).toEqual(['both@2/1']);
    expect(received(recs, 'y')).toEqual(['both@2/1']);
    expect(recs.filter((r) => r.step === 'stream-info').map((r) => r.step === 'stream-info' && r.messages)).toEqual([
      1, 0,
    ]);
  });

  it('limits: max msgs with discard old drops the oldest, discard new refuses the publish', async () => {
    const old = fresh('OLD');
    const keepOld = await both([
      stream(old, { maxMsgs: 2 }),
      consumer(old, 'c'),
      ...pubs(`${old}.m`, '1', '2', '3'),
      { do: 'fetch', consumer: 'c', batch: 5 },
      { do: 'stream-info' },
    ]);
    expect(received(keepOld, 'c')).toEqual(['2@2/1', '3@3/1']);
    const nu = fresh('NEW');
    const keepNew = await both([
      stream(nu, { maxMsgs: 2, discard: 'new' }),
      ...pubs(`${nu}.m`, '1', '2', '3'),
      { do: 'stream-info' },
    ]);
    expect(keepNew.filter((r) => r.step === 'publish').pop()).toEqual({
      step: 'publish',
      error: 'maximum messages exceeded',
    });
    expect(keepNew.pop()).toEqual({ step: 'stream-info', messages: 2, firstSeq: 1, lastSeq: 2 });
  });

  it('max age expires old messages', async () => {
    const s = fresh('AGE');
    const recs = await both([
      stream(s, { maxAgeMs: 400 }),
      ...pubs(`${s}.m`, '1', '2'),
      { do: 'wait', ms: 700 },
      { do: 'stream-info' },
    ]);
    expect(recs.pop()).toEqual({ step: 'stream-info', messages: 0, firstSeq: 3, lastSeq: 2 });
  });

  it('ack policy all settles everything up to the acked message; max ack pending holds back new messages', async () => {
    const s = fresh('ACKALL');
    const recs = await both([
      stream(s),
      consumer(s, 'all', { ackPolicy: 'all' }),
      consumer(s, 'few', { maxAckPending: 2 }),
      ...pubs(`${s}.m`, '1', '2', '3'),
      { do: 'fetch', consumer: 'all', batch: 3 },
      { do: 'ack', consumer: 'all', seq: 2, type: 'ack', sync: true },
      { do: 'info', consumer: 'all' },
      { do: 'fetch', consumer: 'few', batch: 3 },
      { do: 'ack', consumer: 'few', seq: 1, type: 'ack', sync: true },
      { do: 'fetch', consumer: 'few', batch: 3 },
    ]);
    expect(recs.find((r) => r.step === 'info')).toMatchObject({
      numAckPending: 1,
      ackFloor: { streamSeq: 2, consumerSeq: 2 },
    });
    expect(received(recs, 'few')).toEqual(['1@1/1', '2@2/1', '3@3/1']);
    expect(
      recs.filter((r) => r.step === 'fetch' && r.consumer === 'few').map((r) => r.step === 'fetch' && r.got.length),
    ).toEqual([2, 1]);
  });

  it('a push consumer delivers as messages arrive; a nak comes back at once, an unacked message after ack wait', async () => {
    const s = fresh('PUSH');
    const recs = await both([
      stream(s),
      // Real time passes while push deliveries settle (100 ms per `received`): a roomy ack wait keeps the
      // server's redelivery timer clear of the profile's clock.
      consumer(s, 'p', { deliverSubject: `deliver.${s}`, ackWaitMs: 1000 }),
      { do: 'push-subscribe', consumer: 'p' },
      ...pubs(`${s}.m`, '1', '2', '3'),
      { do: 'received', consumer: 'p' },
      { do: 'ack', consumer: 'p', seq: 1, type: 'ack' },
      { do: 'ack', consumer: 'p', seq: 2, type: 'nak' },
      { do: 'received', consumer: 'p' },
      { do: 'ack', consumer: 'p', seq: 2, type: 'ack' },
      { do: 'wait', ms: 1200 },
      { do: 'received', consumer: 'p' },
      { do: 'info', consumer: 'p' },
    ]);
    expect(received(recs, 'p')).toEqual(['1@1/1', '2@2/1', '3@3/1', '2@2/2', '3@3/2']);
  });

  it('max bytes counts the file store record (headers included); discard new refuses what does not fit', async () => {
    const s = fresh('BYTES');
    const old = await both([
      stream(s, { maxBytes: 200 }),
      ...pubs(`${s}.m`, 'x'.repeat(40), 'y'.repeat(40)),
      { do: 'publish', subject: `${s}.m`, data: 'z'.repeat(40), msgId: 'with-header' },
      { do: 'stream-info' },
    ]);
    // Records of about 86, 86 and 128 bytes (22 + subject + 4 + headers + data + 8): over 200, the oldest go.
    expect(old.pop()).toEqual({ step: 'stream-info', messages: 1, firstSeq: 3, lastSeq: 3 });
    const nu = fresh('BYTESNEW');
    const refused = await both([
      stream(nu, { maxBytes: 200, discard: 'new' }),
      ...pubs(`${nu}.m`, 'a'.repeat(100), 'b'.repeat(100)),
      { do: 'stream-info' },
    ]);
    // Discard new checks stored bytes + the new payload (not its whole record) against max_bytes.
    expect(refused.filter((r) => r.step === 'publish').pop()).toEqual({
      step: 'publish',
      error: 'maximum bytes exceeded',
    });
    expect(refused.pop()).toMatchObject({ messages: 1 });
  });

  it('redeliveries come back in the order they were nacked, expired ones in stream order, before new messages', async () => {
    const s = fresh('ORDER');
    const recs = await both([
      stream(s),
      consumer(s, 'c', { ackWaitMs: 400 }),
      ...pubs(`${s}.m`, '1', '2', '3', '4', '5'),
      { do: 'fetch', consumer: 'c', batch: 5 },
      { do: 'ack', consumer: 'c', seq: 4, type: 'nak' },
      { do: 'ack', consumer: 'c', seq: 2, type: 'nak' },
      { do: 'ack', consumer: 'c', seq: 1, type: 'ack' },
      ...pubs(`${s}.m`, '6'),
      { do: 'fetch', consumer: 'c', batch: 10 },
      { do: 'ack', consumer: 'c', seq: 2, type: 'ack' },
      { do: 'ack', consumer: 'c', seq: 4, type: 'ack' },
      { do: 'ack', consumer: 'c', seq: 6, type: 'ack' },
      { do: 'wait', ms: 650 },
      { do: 'fetch', consumer: 'c', batch: 10 },
      { do: 'info', consumer: 'c' },
    ]);
    expect(received(recs, 'c').slice(5)).toEqual(['4@4/2', '2@2/2', '6@6/1', '3@3/2', '5@5/2']);
  });

  it('interest retention with filtered consumers: a subject no filter wants is not stored; ack none counts as acked', async () => {
    const s = fresh('FILTERED');
    const recs = await both([
      stream(s, { retention: 'interest' }),
      consumer(s, 'orders', { filterSubject: `${s}.orders` }),
      consumer(s, 'fast', { filterSubject: `${s}.orders`, ackPolicy: 'none' }),
      ...pubs(`${s}.orders`, 'o1'),
      ...pubs(`${s}.payments`, 'p1'),
      { do: 'fetch', consumer: 'fast', batch: 5 },
      { do: 'stream-info' },
      { do: 'fetch', consumer: 'orders', batch: 5 },
      { do: 'ack', consumer: 'orders', seq: 1, type: 'ack', sync: true },
      { do: 'stream-info' },
    ]);
    expect(recs.filter((r) => r.step === 'publish')).toEqual([
      { step: 'publish', seq: 1, duplicate: false },
      { step: 'publish', seq: 2, duplicate: false },
    ]);
    expect(recs.filter((r) => r.step === 'stream-info').map((r) => r.step === 'stream-info' && r.messages)).toEqual([
      1, 0,
    ]);
  });
});
