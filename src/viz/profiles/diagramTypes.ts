/**
 * The view model every broker profile's diagram shares: boxes in rows (what sends → where it is routed →
 * where it waits → who takes it → where it dies), arrows between them, and the step's marks. Pure data:
 * the profile specs (`rabbitmqSpec.ts`, …) build a `DiagramSpec`, `placeRows.ts` places it at a width.
 */

/** What a box stands for; the component styles each kind (and colour is never the only signal). */
export type NodeKind = 'source' | 'router' | 'store' | 'consumer' | 'dead' | 'archive';

/** A box before placement: its row (0 at the top) and its words. */
export interface NodeSpec {
  readonly id: string;
  readonly row: number;
  readonly kind: NodeKind;
  readonly title: string;
  /** Counts and settings, one short line each ("ready 2 · unacked 1"). */
  readonly lines: readonly string[];
  /** What happened here in this step ("3 in · 3 delivered"), or null when it was untouched. */
  readonly step: string | null;
}

export interface EdgeSpec {
  readonly from: string;
  readonly to: string;
  /** A binding key, a filter, a rule pattern; null when the arrow needs no words. */
  readonly label: string | null;
  /** Messages moved along it in this step. */
  readonly hot: boolean;
  /** Dead-letter and redrive paths: only failed messages take them. */
  readonly dashed?: boolean;
}

export interface DiagramSpec {
  /** The profile's name, the start of the accessible name ("RabbitMQ 3.10.8"). */
  readonly name: string;
  readonly nodes: readonly NodeSpec[];
  readonly edges: readonly EdgeSpec[];
  /** Said first in the description: the topology in one sentence (or that nothing is declared yet). */
  readonly summary: string;
}

export interface PlacedNode extends NodeSpec {
  /** The line it is drawn on: its row, or a later line when its row wrapped. */
  readonly line: number;
  /** `step` broken into lines that fit the box. */
  readonly stepLines: readonly string[];
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface PlacedEdge extends EdgeSpec {
  readonly id: string;
  /** SVG path data. */
  readonly d: string;
  readonly labelX: number;
  readonly labelY: number;
}

export interface ProfileDiagram {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
  /** The accessible name (role="img" title). */
  readonly title: string;
  /** The accessible description: every box's counts and what moved in this step, as sentences. */
  readonly description: string;
}
