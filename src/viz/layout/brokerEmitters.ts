/** The left of the broker view: producers, the relay, services, and anyone else who appended this step. */
import { EMITTER_W, PAD, TOPIC_HEAD, wrap } from './brokerGeometry';
import type { EmitterVM } from './brokerTypes';
import type { GroupMeta } from './brokerTopics';
import { PRODUCER_COLOUR } from './palette';

export interface EmittersInput {
  producers: readonly { id: string; label: string }[];
  services: readonly { id: string; label: string; group: string }[];
  relay: boolean;
  meta: ReadonlyMap<string, GroupMeta>;
  /** Records appended in this step, by producer id. */
  emittedBy: ReadonlyMap<string, number>;
}

export function layoutEmitters(input: EmittersInput): EmitterVM[] {
  const { meta, emittedBy } = input;
  const emitterDefs: Omit<EmitterVM, 'x' | 'y' | 'width' | 'height' | 'emitted' | 'titleLines'>[] = [
    ...input.producers.map((p) => ({
      id: p.id,
      kind: 'producer' as const,
      label: p.label,
      sub: 'producer',
      colour: PRODUCER_COLOUR,
    })),
    ...(input.relay
      ? [
          {
            id: 'relay',
            kind: 'relay' as const,
            label: 'Outbox relay',
            sub: 'publishes stored events',
            colour: PRODUCER_COLOUR,
          },
        ]
      : []),
    ...input.services.map((s) => ({
      id: s.id,
      kind: 'service' as const,
      label: s.label,
      sub: `reads via ${meta.get(s.group)?.label ?? s.group}`,
      colour: PRODUCER_COLOUR,
    })),
  ];
  for (const id of emittedBy.keys()) {
    if (!emitterDefs.some((d) => d.id === id)) {
      emitterDefs.push({
        id,
        kind: 'other',
        label: id === 'learner' ? 'You (learner)' : id,
        sub: 'producer',
        colour: PRODUCER_COLOUR,
      });
    }
  }
  let ey = 8 + TOPIC_HEAD;
  return emitterDefs.map((d) => {
    const titleLines = wrap(d.label, 18, 2);
    const height = 32 + titleLines.length * 16;
    const vm = { ...d, titleLines, x: PAD, y: ey, width: EMITTER_W, height, emitted: emittedBy.get(d.id) ?? 0 };
    ey += height + 10;
    return vm;
  });
}
