/** The broker view's view model: what the layout returns and React renders (1 unit = 1 CSS px). */
import type { BrokerState } from '../../engine/broker';
import type { Effect } from '../../engine/types';
import type { Stage, StageKind } from '../../state/stagePlan';

export interface Point {
  x: number;
  y: number;
}

export interface CellVM {
  offset: number;
  x: number;
  y: number;
  key: string | null;
  eventType: string;
  eventId: string | null;
  /** Appended by this step. */
  isNew: boolean;
  /** Groups that fetched this record in this step. */
  fetchedBy: string[];
  /** Accessible name: "offset 3, OrderPlaced, key order-1, topic orders, partition 0". */
  name: string;
}

export interface CommitMarkVM {
  groupId: string;
  badge: string;
  colour: string;
  /** x of the boundary before the committed offset (the next record the group will read). */
  x: number;
  y: number;
  offset: number;
  label: string;
  /** Lag on this partition (log-end − committed). */
  lag: number;
  /** The committed offset is before the visible window. */
  before: boolean;
}

export interface PartitionVM {
  topic: string;
  partition: number;
  /** Top of the row and its height (all lines). */
  y: number;
  height: number;
  /** Vertical centre of the first line (where ownership links attach). */
  anchorY: number;
  cells: CellVM[];
  /** Retained records before the visible window (0 when expanded). */
  hiddenBefore: number;
  /** Records deleted by retention (before the log-start offset). */
  deleted: number;
  expanded: boolean;
  /** Whether the partition has more records than fit on one line (so it can be expanded). */
  expandable: boolean;
  logStartOffset: number;
  logEndOffset: number;
  /** Where the next record will be appended. */
  next: Point;
  commits: CommitMarkVM[];
}

export interface TopicVM {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  compacted: boolean;
  /** Records each partition took in the last minute of simulated time (`partitionRate.ts`): a hot key shows here. */
  recent: number[];
  partitions: PartitionVM[];
}

export type ChipState = 'kept' | 'assigned' | 'reassigned' | 'revoked';

export interface ChipVM {
  topic: string;
  partition: number;
  label: string;
  x: number;
  y: number;
  width: number;
  state: ChipState;
  position: number | null;
  committed: number | null;
  lag: number | null;
  title: string;
}

export interface ChipLineVM {
  topic: string | null;
  y: number;
}

export interface MemberVM {
  groupId: string;
  memberId: string;
  x: number;
  y: number;
  width: number;
  height: number;
  idle: boolean;
  chips: ChipVM[];
  /** Topic captions in front of chip lines (groups reading several topics). */
  lines: ChipLineVM[];
  /** "lag 3", "no commit", "idle". */
  status: string;
  /** What the step's stage did here, shown in place of the status: "processing…", "lag 5 → 2". */
  note?: { text: string; current: boolean } | null;
  /** Joined in this step; its partitions come with the rebalance still to come. */
  awaitingRebalance?: boolean;
}

export interface RebalanceVM {
  protocol: 'eager' | 'cooperative';
  generation: number;
  /** One short caption, wrapped into lines that fit the group box. */
  lines: string[];
  /** The effects' reasons, for a tooltip and the text equivalent. */
  detail: string;
}

export interface GroupVM {
  groupId: string;
  label: string;
  badge: string;
  colour: string;
  assignor: string;
  generation: number;
  x: number;
  y: number;
  width: number;
  height: number;
  members: MemberVM[];
  rebalance: RebalanceVM | null;
  /** Where the lag chart goes. */
  chart: { x: number; y: number; width: number; height: number };
}

export interface EmitterVM {
  id: string;
  kind: 'producer' | 'relay' | 'service' | 'other';
  label: string;
  /** The label wrapped to fit the node (one or two lines). */
  titleLines: string[];
  sub: string;
  colour: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Records it appended in this step. */
  emitted: number;
}

export interface LinkVM {
  id: string;
  d: string;
  colour: string;
  groupId: string;
}

export interface TokenVM {
  id: string;
  kind: 'produce' | 'fetch';
  from: Point;
  to: Point;
  /** The cubic Bézier's control points (the same curve as `d`), for drawing on a canvas. */
  c1: Point;
  c2: Point;
  /** Path the token follows (SVG path data). */
  d: string;
  colour: string;
  label: string;
  /** Order within the step, for staggering. */
  index: number;
}

/** Where the step is: its stages and the one on screen (`stages.length` once it is fully shown). */
export interface StageView {
  /** The broker before the step; null when there is none to show (the step is then drawn complete). */
  before: BrokerState | null;
  stages: readonly Stage[];
  index: number;
}

export interface RingVM {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  rx: number;
}

export interface StageLabelVM {
  id: string;
  text: string;
  /** Left edge and text baseline. */
  x: number;
  y: number;
  width: number;
  /** Its stage is the one on screen (else it is from an earlier stage of this step). */
  current: boolean;
}

export interface StageMarksVM {
  /** The stage on screen, or 'done' once the step is fully shown. */
  kind: StageKind | 'done';
  /** "2 of 5 · Lands at orders-0 @3", or null once the step is fully shown. */
  caption: string | null;
  rings: RingVM[];
  labels: StageLabelVM[];
}

export interface BrokerViewModel {
  width: number;
  height: number;
  /** Width of one record cell (wider when the logs are short). */
  cellW: number;
  producers: EmitterVM[];
  topics: TopicVM[];
  groups: GroupVM[];
  links: LinkVM[];
  tokens: TokenVM[];
  /** The step's stage on screen and what changed, marked. */
  stage: StageMarksVM;
}

export interface LayoutInput {
  broker: BrokerState;
  effects: readonly Effect[];
  producers: readonly { id: string; label: string }[];
  groups: readonly { id: string; label?: string | undefined }[];
  services?: readonly { id: string; label: string; group: string }[];
  relay?: boolean;
  /** Pixel width the view will be drawn at. */
  width?: number;
  /** "topic:partition" of partitions shown whole (wrapped onto several lines). */
  expanded?: ReadonlySet<string>;
  /** The world before the step and the stage on screen: drawn as it is at that stage (default: the step complete). */
  stage?: StageView;
  /**
   * Step 0: the effects are the topology's setup (its members joining before step 1), so groups are drawn as they
   * stand, not as a rebalance to decode (`brokerRebalance.ts`).
   */
  initial?: boolean;
}
