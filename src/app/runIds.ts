/**
 * Run ids. Apart from openRun.ts and branches.ts so that reading a saved scenario (library.ts, started
 * while the player chunks load) needs neither the engine nor the playback machine.
 */

/** The main run of a built-in or saved scenario by default. Branches get their own ids. */
export const mainRunId = (scenarioId: string) => `main-${scenarioId}`;

/** A new run id (`b-…` for branches, `m-…` for main runs written by a restore or a reset): ids need no secrecy, only uniqueness on this device. */
export const freshRunId = (prefix: 'b' | 'm') =>
  `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`;
