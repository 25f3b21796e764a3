/**
 * The id alphabet, in one place: scenario ids, run ids and the ids in addresses all use it, and
 * database names are only ever built from ids that passed it (never from unchecked text).
 * Letters, digits, ".", "_" and "-", starting with a letter or digit.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** A scenario's id. */
export const MAX_SCENARIO_ID_LENGTH = 64;
/** A run's id (a scenario id with a prefix such as "main-", or a branch's generated id). */
export const MAX_RUN_ID_LENGTH = 128;

export const isId = (s: string, max: number = MAX_RUN_ID_LENGTH): boolean => s.length <= max && ID_PATTERN.test(s);
