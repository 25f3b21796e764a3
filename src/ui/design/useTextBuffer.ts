import { useState } from 'react';

/**
 * Text typed into a field whose stored value is parsed from it ("a, b" → ["a", "b"]): the raw text
 * is kept while it still means the stored value, so a trailing comma or space does not vanish under
 * the cursor; when the value changes from elsewhere (undo, the JSON tab) the text follows it.
 */
export function useTextBuffer<T>(
  value: T,
  format: (v: T) => string,
  parse: (text: string) => T,
  same: (a: T, b: T) => boolean,
) {
  const [text, setText] = useState(() => format(value));
  const shown = same(parse(text), value) ? text : format(value);
  return [shown, setText] as const;
}

export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
