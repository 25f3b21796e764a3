/**
 * "Why this partition?" for any record in a partition log, as plain data for the view.
 *
 * The exact `PartitionChoice` lives on the `record-appended` effect of the step that appended the
 * record; when the view still knows it (this step, or a step it showed earlier) it is used as is.
 * Otherwise the explanation is derived from the record itself: a keyed record is recomputed with
 * Kafka's key partitioner (the partition count at that time may differ from today's), a keyless one
 * was placed by the sticky partitioner.
 */
import { keyChoice } from '../../engine/broker/partitioner';
import type { PartitionChoice } from '../../engine/types';

export interface WhyInput {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  eventType: string;
  /** Partitions the topic has now. */
  currentCount: number;
  /** The choice from the record's `record-appended` effect, when known. */
  choice?: PartitionChoice | null;
  /** Partitions the topic had when it was created (the scenario's topology), when known. */
  initialCount?: number | null;
}

export interface WhyStep {
  label: string;
  value: string;
}

export interface PartitionWhy {
  kind: 'key' | 'sticky' | 'explicit';
  heading: string;
  /** One sentence answering the question. */
  summary: string;
  /** The arithmetic, one line each (key: murmur2, toPositive, mod; sticky: batch). */
  steps: WhyStep[];
  /** Set when today's partition count would send the same key elsewhere. */
  remap: string | null;
  /** Where the answer comes from: the step's effect, or recomputed from the record. */
  source: 'effect' | 'recomputed';
}

const quote = (key: string): string => `'${key.length > 40 ? `${key.slice(0, 37)}…` : key}'`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function keySteps(c: PartitionChoice & { kind: 'key' }): WhyStep[] {
  return [
    { label: 'murmur2 of the key’s UTF-8 bytes', value: `murmur2(${quote(c.key)}) = ${c.murmur2}` },
    { label: 'toPositive (clear the sign bit)', value: `${c.murmur2} & 0x7fffffff = ${c.positive}` },
    {
      label: `mod the partition count (${c.partitionCount})`,
      value: `${c.positive} mod ${c.partitionCount} = ${c.partition}`,
    },
  ];
}

/** The partition count that, with Kafka's key partitioner, sends `key` to `partition`, best guess first. */
function countThatFits(
  key: string,
  partition: number,
  currentCount: number,
  initialCount: number | null,
): number | null {
  const fits = (n: number) => n > partition && keyChoice(key, n).partition === partition;
  if (fits(currentCount)) return currentCount;
  if (initialCount !== null && initialCount <= currentCount && fits(initialCount)) return initialCount;
  // Partitions are only ever added: look for the most recent smaller count that fits.
  for (let n = currentCount - 1; n > partition; n--) if (fits(n)) return n;
  return null;
}

function remapNote(key: string, then: number, partition: number, currentCount: number): string | null {
  if (then === currentCount) return null;
  const today = keyChoice(key, currentCount).partition;
  if (today === partition)
    return `with ${plural(then, 'partition')} it was ${partition}; with ${currentCount} partitions today the same key still goes to ${today}`;
  return `with ${plural(then, 'partition')} it was ${partition}; with ${currentCount} partitions today the same key would go to ${today}`;
}

export function whyPartition(input: WhyInput): PartitionWhy {
  const { topic, partition, key, currentCount } = input;
  const heading = `Why ${topic}-${partition}? (offset ${input.offset}, ${input.eventType})`;
  const choice = input.choice ?? null;

  if (choice?.kind === 'key') {
    return {
      kind: 'key',
      heading,
      summary: `The key ${quote(choice.key)} was hashed: partition = toPositive(murmur2(key)) mod ${choice.partitionCount} = ${choice.partition}.`,
      steps: keySteps(choice),
      remap: remapNote(choice.key, choice.partitionCount, choice.partition, currentCount),
      source: 'effect',
    };
  }
  if (choice?.kind === 'sticky') {
    const batch: WhyStep[] = [
      {
        label: 'batch',
        value: `record ${choice.batchFill} of a batch of up to ${choice.batchSize} on partition ${choice.partition}`,
      },
      {
        label: 'why this partition',
        value: choice.newBatch
          ? choice.batchFill === 1 && choice.batchSize === 1
            ? `every record starts a new batch (batch size 1): partition ${choice.partition} picked at random with the seeded generator`
            : `a new batch was opened (the previous one was full, or this was the first keyless record): partition ${choice.partition} picked uniformly at random with the seeded generator — it may be the same one again`
          : `the current batch (${choice.batchFill}/${choice.batchSize}) was not full yet, so the partitioner stayed on partition ${choice.partition}`,
      },
    ];
    return {
      kind: 'sticky',
      heading,
      summary: 'No key: the sticky partitioner chose it (Kafka ≥ 3.3, KIP-794) — not round-robin.',
      steps: batch,
      remap: null,
      source: 'effect',
    };
  }
  if (choice?.kind === 'explicit') {
    return {
      kind: 'explicit',
      heading,
      summary: `The producer named partition ${choice.partition} explicitly; an explicit partition wins over the key.`,
      steps: [],
      remap: null,
      source: 'effect',
    };
  }

  // No effect at hand: derive from the record.
  if (key === null) {
    return {
      kind: 'sticky',
      heading,
      summary:
        'No key: the sticky partitioner chose it. It stays on one partition until a batch is full, then picks the next partition at random (seeded) — not round-robin.',
      steps: [],
      remap: null,
      source: 'recomputed',
    };
  }
  const then = countThatFits(key, partition, currentCount, input.initialCount ?? null);
  if (then === null) {
    const today = keyChoice(key, currentCount);
    return {
      kind: 'explicit',
      heading,
      summary: `The key ${quote(key)} hashes to partition ${today.partition} with ${plural(currentCount, 'partition')}, but this record is on partition ${partition}: the producer named the partition explicitly.`,
      steps: keySteps(today),
      remap: null,
      source: 'recomputed',
    };
  }
  const c = keyChoice(key, then);
  return {
    kind: 'key',
    heading,
    summary: `The key ${quote(key)} was hashed: partition = toPositive(murmur2(key)) mod ${then} = ${partition}.`,
    steps: keySteps(c),
    remap: remapNote(key, then, partition, currentCount),
    source: 'recomputed',
  };
}
