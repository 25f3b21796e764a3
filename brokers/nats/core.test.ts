/**
 * Differential tests of core NATS (issue 15): the same subscriptions, publishes and requests through the
 * profile and through Debian's nats-server 2.9.10.
 */
import { describe, expect, inject, it } from 'vitest';
import { runCoreProfile, runCoreServer, type CoreStep } from './coreRun';

let n = 0;
const prefix = () => `core${process.pid}x${++n}`;

describe('core NATS against nats-server 2.9.10', () => {
  it('wildcard subscriptions: * is one token, > the rest; late subscribers miss earlier messages', async () => {
    const p = prefix();
    const script: CoreStep[] = [
      { do: 'sub', who: 'star', subject: `${p}.orders.*` },
      { do: 'sub', who: 'tail', subject: `${p}.orders.>` },
      { do: 'sub', who: 'exact', subject: `${p}.orders.placed.eu` },
      { do: 'pub', subject: `${p}.orders.placed`, data: '1' },
      { do: 'pub', subject: `${p}.orders.placed.eu`, data: '2' },
      { do: 'pub', subject: `${p}.orders`, data: '3' },
      { do: 'pub', subject: `${p}.nobody`, data: '4' },
      { do: 'sub', who: 'late', subject: `${p}.orders.*` },
      { do: 'pub', subject: `${p}.orders.paid`, data: '5' },
    ];
    const real = await runCoreServer(inject('natsUrl'), script);
    expect(runCoreProfile(script)).toEqual(real);
    expect(real.got).toEqual({ star: ['1', '5'], tail: ['1', '2', '5'], exact: ['2'], late: ['5'] });
  });

  it('queue groups: each message goes to one member; a plain subscriber still gets every message', async () => {
    const p = prefix();
    const members = ['w1', 'w2', 'w3'].map((who): CoreStep => ({
      do: 'sub',
      who,
      subject: `${p}.jobs`,
      queue: 'workers',
    }));
    const data = Array.from({ length: 60 }, (_, i) => String(i));
    const script: CoreStep[] = [
      ...members,
      { do: 'sub', who: 'audit', subject: `${p}.jobs` },
      ...data.map((d): CoreStep => ({ do: 'pub', subject: `${p}.jobs`, data: d })),
    ];
    const real = await runCoreServer(inject('natsUrl'), script);
    const model = runCoreProfile(script);
    // Which member gets a message is random on the server and seeded in the profile: compare the partition.
    for (const t of [real, model]) {
      const toMembers = ['w1', 'w2', 'w3'].flatMap((w) => t.got[w]!);
      expect(toMembers.sort((a, b) => Number(a) - Number(b))).toEqual(data);
      expect(['w1', 'w2', 'w3'].filter((w) => t.got[w]!.length > 0).length).toBeGreaterThan(1);
      expect(t.got['audit']).toEqual(data);
    }
    expect(model.groups).toEqual(real.groups);
    expect(real.groups).toEqual({ workers: 60 });
  });

  it('request-reply: a responder in a queue group answers once; nobody listening gives 503 no responders', async () => {
    const p = prefix();
    const script: CoreStep[] = [
      { do: 'responder', who: 'r1', subject: `${p}.svc.echo`, queue: 'svc' },
      { do: 'responder', who: 'r2', subject: `${p}.svc.echo`, queue: 'svc' },
      { do: 'request', subject: `${p}.svc.echo`, data: 'hi' },
      { do: 'request', subject: `${p}.svc.echo`, data: 'again' },
      { do: 'request', subject: `${p}.svc.missing`, data: 'hello?' },
    ];
    const real = await runCoreServer(inject('natsUrl'), script);
    const model = runCoreProfile(script);
    expect(model.replies).toEqual(real.replies);
    expect(model.groups).toEqual(real.groups);
    expect(real.replies).toEqual(['re:hi', 're:again', '503']);
    expect(real.groups).toEqual({ svc: 2 });
  });
});
