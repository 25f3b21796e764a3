/**
 * JSON paths into a scenario, as arrays (`['topology', 'topics', 0, 'name']`) and as the text every
 * message shows (`topology.topics[0].name`). Validation, references, the linter and the editor all
 * print paths this one way, so a message finds its field.
 */
export type PathPart = string | number;
export type Path = readonly PathPart[];

export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
    '',
  ) || '(root)';
