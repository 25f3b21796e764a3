/** Test helpers: unique database names so tests never share state. */
let n = 0;
export const uniqueDbName = (prefix = 'test'): string => `${prefix}-${Date.now().toString(36)}-${++n}`;
