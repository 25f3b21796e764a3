/** "Choosing a broker": the one story, every profile's run of it, and the table computed from the runs. */
export { BEATS, SERVICES, NEW_SERVICE, type Beat, type BeatId, type StoryEvent } from './story';
export type { Delivery, GaveUp, ProfileId, ProfileRun, StepEffect, StepRecord } from './types';
export { PROFILES, allRuns } from './runs';
export { compare, type Cell, type ComparisonTable, type Row, type RowId } from './table';
export { observe, type Observations } from './observe';
