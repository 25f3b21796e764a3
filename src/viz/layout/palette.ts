/**
 * Colours for groups and producers. Each passes WCAG AA (≥ 4.5:1) as text on white and carries
 * a label too, so colour never carries meaning alone.
 */
export const GROUP_COLOURS = ['#1d6fb8', '#b3481b', '#2e7d32', '#7b3fa0', '#a3214f', '#00696b'] as const;

export const groupColour = (index: number): string => GROUP_COLOURS[index % GROUP_COLOURS.length]!;

export const PRODUCER_COLOUR = '#5b4ab8';
