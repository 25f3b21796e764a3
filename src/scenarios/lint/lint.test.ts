import { describe, expect, it } from 'vitest';
import { allBuiltins, findBuiltin } from '../content';
import type { ScenarioDef } from '../schema';
import { findingsAt, lintScenario } from './index';
import { endsInPastTense, pastTenseSuggestion, startsWithImperative } from './words';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
const lint = (id: string, mutate: (s: Doc) => void) => {
  const s = structuredClone(findBuiltin(id)!) as Doc;
  mutate(s);
  return lintScenario(s as ScenarioDef);
};
const rule = (findings: ReturnType<typeof lintScenario>, r: string) => findings.filter((f) => f.rule === r);

describe('lintScenario', () => {
  it.each(allBuiltins().map((s) => [s.id, s] as const))('%s has no errors', (_id, s) => {
    expect(lintScenario(s).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('flags a present-tense or command-like event name', () => {
    const f = rule(
      lint('pubsub-basics', (s) => (s.steps[0].action.event.eventType = 'PlaceOrder')),
      'event-past-tense',
    );
    expect(f).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'steps[0].action.event.eventType',
        fix: expect.stringContaining('OrderPlaced'),
      }),
    ]);
    const g = rule(
      lint('pubsub-basics', (s) => (s.steps[0].action.event.eventType = 'OrderStatus')),
      'event-past-tense',
    );
    expect(g[0]).toMatchObject({ severity: 'warning', path: 'steps[0].action.event.eventType' });
  });

  it('flags a command named like an event', () => {
    const f = rule(
      lint('cqrs-orders', (s) => (s.topology.aggregates[0].commands[0].command = 'OrderPlaced')),
      'command-imperative',
    );
    expect(f[0]).toMatchObject({
      severity: 'error',
      path: 'topology.aggregates[0].commands[0].command',
      fix: expect.stringContaining('PlaceOrder'),
    });
  });

  it('flags each command once, where it is first declared (the declaration that decides it)', () => {
    const f = rule(
      lint('cqrs-orders', (s) => {
        const commands = s.topology.aggregates[0].commands;
        commands[0].command = 'OrderPlaced';
        commands.push({ ...structuredClone(commands[0]) });
      }),
      'command-imperative',
    );
    expect(f.filter((x) => x.message.includes('"OrderPlaced"')).map((x) => x.path)).toEqual([
      'topology.aggregates[0].commands[0].command',
    ]);
  });

  it('knows irregular participles and imperative verbs', () => {
    for (const n of [
      'ReceiptSent',
      'OrderPaid',
      'ItemsShipped',
      'CarMade',
      'SeatHeld',
      'JobDone',
      'TripBegan',
      'SeatTaken',
    ])
      expect(endsInPastTense(n), n).toBe(true);
    for (const n of ['PlaceOrder', 'SendReceipt', 'OrderFeed', 'CreateUser']) expect(endsInPastTense(n), n).toBe(false);
    expect(startsWithImperative('AcceptRide')).toBe(true);
    expect(pastTenseSuggestion('SendReceipt')).toBe('ReceiptSent');
  });

  it('flags events written with an undeclared schema version, and missing declarations', () => {
    const f = rule(
      lint(
        'ride-sharing',
        (s) => (s.steps.find((x: Doc) => x.action.kind === 'publish').action.event.schemaVersion = 3),
      ),
      'schema-version',
    );
    expect(f[0]).toMatchObject({ severity: 'error', path: expect.stringMatching(/^steps\[\d+\]\.action\.event$/) });
    expect(rule(lintScenario(findBuiltin('pubsub-basics')!), 'schema-version')[0]).toMatchObject({
      severity: 'info',
      path: 'topology',
    });
  });

  it('flags a breaking change with the consumers it breaks', () => {
    // Drop the rename total → totalAmount from the upcaster: old events lack totalAmount.
    const f = rule(
      lint(
        'schema-evolution',
        (s) => (s.topology.upcasters[0].ops = s.topology.upcasters[0].ops.filter((o: Doc) => o.op !== 'rename')),
      ),
      'breaking-change',
    );
    expect(
      f.some(
        (x) => x.severity === 'error' && /totalAmount/.test(x.message) && /service "invoicing-svc"/.test(x.message),
      ),
    ).toBe(true);
    expect(f[0]!.path).toBe('topology.eventTypes[0].previousVersions[0]');
    // Retyped without convert.
    const g = rule(
      lint(
        'schema-evolution',
        (s) => (s.topology.upcasters[0].ops = s.topology.upcasters[0].ops.filter((o: Doc) => o.op !== 'convert')),
      ),
      'breaking-change',
    );
    expect(g.some((x) => /"customerId" was a number in v1 and is a string now/.test(x.message))).toBe(true);
  });

  it('flags relay keys that are not the aggregate id, and streams published with different keys', () => {
    const f = rule(
      lint('ride-sharing', (s) => (s.topology.relay.routes[0].key = { ref: 'event.data.driverId' })),
      'partition-key',
    );
    expect(f[0]).toMatchObject({ severity: 'warning', path: 'topology.relay.routes[0].key' });
    const g = rule(
      lint(
        'pubsub-basics',
        (s) =>
          (s.steps.find((x: Doc, i: number) => i > 0 && x.action.event?.streamId === 'order-1').action.event.key =
            'other'),
      ),
      'partition-key',
    );
    expect(g.some((x) => x.severity === 'error' && /Stream "order-1"/.test(x.message))).toBe(true);
    expect(
      rule(
        lint('ride-sharing', (s) => (s.topology.relay.routes[0].key = null)),
        'partition-key',
      )[0]?.severity,
    ).toBe('error');
  });

  it('flags non-idempotent consumers with side effects on at-least-once topics', () => {
    const f = rule(
      lint('ride-sharing', (s) => delete s.topology.groups[3].idempotent),
      'idempotent-consumer',
    );
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', path: 'topology.groups[3].idempotent' })]);
    expect(
      rule(
        lint('ride-sharing', (s) => (s.topology.groups[3].commitMode = 'before')),
        'idempotent-consumer',
      ),
    ).toEqual([]);
  });

  it('flags broken reaction chains', () => {
    const f = rule(
      lint('ride-sharing', (s) => (s.topology.services[3].on[0].do[0].publish.key = 'fixed')),
      'reaction-chain',
    );
    expect(f[0]).toMatchObject({ path: 'topology.services[3].on[0].do[0].publish.key' });
    const g = rule(
      lint('ride-sharing', (s) => (s.topology.groups[0].topics = ['driver-locations'])),
      'reaction-chain',
    );
    expect(g[0]).toMatchObject({ path: 'topology.services[0].on[0].eventType' });
  });

  it('sorts errors first and finds findings by path', () => {
    const all = lint('pubsub-basics', (s) => (s.steps[0].action.event.eventType = 'PlaceOrder'));
    expect(all[0]!.severity).toBe('error');
    expect(findingsAt(all, 'steps[0]')).toHaveLength(1);
  });
});
