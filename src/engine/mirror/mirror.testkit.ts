/** Test support: the two-region setup the unit and property tests share (us → eu, rides with 3 expired records). */
import { createMirror, type MirrorDef, type MirrorState } from './mirrorState';

export const T0 = 1_800_000_000_000;

export const usToEu: MirrorDef = {
  regions: [
    { alias: 'us', topics: [{ name: 'rides', expired: 3 }] },
    { alias: 'eu', topics: [{ name: 'rides' }] },
  ],
  flows: [{ source: 'us', target: 'eu', topics: ['rides'] }],
};

export const twoRegions = (def: Partial<MirrorDef> = {}): MirrorState => createMirror({ ...usToEu, ...def }, T0);
