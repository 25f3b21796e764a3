/** What every form field of the design editor needs: the draft, a way to change it, and its messages. */
import { createContext, useContext, type ComponentType } from 'react';
import type { FieldDef } from '../../scenarios/design/formSpec';
import type { Doc, Path } from '../../scenarios/design/paths';
import type { MessagesByPath } from '../../state/editorDraft';

export interface DesignContextValue {
  doc: Doc;
  /** Replaces the value at `path`; `undefined` removes an optional field. Typing in one field is one undo step. */
  set(path: Path, value: unknown): void;
  /** A structural change (add, remove, move): always its own undo step. */
  apply(change: (doc: unknown) => unknown): void;
  messages: MessagesByPath;
  /** Field references offered while typing an expression. */
  refs: string[];
  /**
   * The editor of one field (`FieldEditor`), given here so that lists and nested objects can render
   * their fields without importing it back (which would make an import cycle).
   */
  Field: ComponentType<{ def: FieldDef; at: Path }>;
}

export const DesignContext = createContext<DesignContextValue | null>(null);

export function useDesign(): DesignContextValue {
  const ctx = useContext(DesignContext);
  if (!ctx) throw new Error('useDesign outside the design editor');
  return ctx;
}
