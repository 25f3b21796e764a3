/**
 * The design editor's forms, as data: the kinds of field (`FieldDef`), list items, variants and
 * sections the UI renders generically, and `addItem`, which appends a new item from its template.
 */
import { type RefKind } from '../index/scenarioIndex';
import { type Path, append, getIn } from './paths';

/** What a choice list is computed from: the draft, the item being edited and its parent object. */
export interface OptionContext {
  doc: unknown;
  item: unknown;
}
export type OptionSource = readonly string[] | ((ctx: OptionContext) => string[]);

/**
 * A field's name and hint come from the scenario schema's `.meta()` (`schemaText.ts`): the one
 * description of the format. A form gives its own `label`/`hint` only where the schema has none.
 */
interface Base {
  key: string;
  label?: string;
  hint?: string;
}

export type FieldDef =
  /** `renames`: the field is the name other parts refer to; after a change, offer to rename the references. */
  | (Base & { kind: 'text'; multiline?: boolean; optional?: boolean; renames?: RefKind })
  | (Base & { kind: 'int'; optional?: boolean; min?: number; max?: number; nullable?: string })
  /** A checkbox; an optional flag left at its default is removed (`defaultValue`, false unless set). */
  | (Base & { kind: 'bool'; required?: boolean; defaultValue?: boolean })
  /** A choice; `free` allows values that are not (yet) in the list. */
  | (Base & {
      kind: 'select';
      options: OptionSource;
      optional?: boolean;
      free?: boolean;
      labels?: Record<string, string>;
    })
  /** A list of names: checkboxes when the options are known, otherwise comma-separated text. */
  | (Base & { kind: 'names'; options?: OptionSource; optional?: boolean })
  /** A list of texts, one per line. */
  | (Base & { kind: 'lines' })
  /** A value expression: text, number, yes/no, empty, a field reference or a formula. */
  | (Base & { kind: 'expr' })
  /** Field name → value expression (the data of an emitted event, a projection's `set`). */
  | (Base & { kind: 'exprMap'; optional?: boolean })
  /** Field name → literal value (a scripted event's data, an aggregate's initial fields). */
  | (Base & { kind: 'valueMap'; optional?: boolean })
  /** A literal JSON value of any shape. */
  | (Base & { kind: 'json'; optional?: boolean })
  | (Base & { kind: 'guard' })
  /** A record key: a string, or no key at all (null). */
  | (Base & { kind: 'recordKey' })
  | (Base & { kind: 'list'; item: ItemDef; optional?: boolean })
  | (Base & { kind: 'group'; fields: readonly FieldDef[]; optional?: boolean; make?: (doc: unknown) => unknown })
  | (Base & { kind: 'variant'; variants: readonly VariantDef[] });

export interface ItemDef {
  /** "event type", "topic"… used in button names ("Add topic"). */
  noun: string;
  title: (item: unknown, index: number) => string;
  fields: readonly FieldDef[];
  make: (doc: unknown, list: readonly unknown[]) => unknown;
  /** Keeps the rest of the scenario consistent with the new item (declares the event types it emits). */
  after?: (doc: unknown, item: unknown) => unknown;
}

/** Adds a new item from its template at the end of the list at `path`; the draft, updated. */
export function addItem(doc: unknown, path: Path, item: ItemDef): unknown {
  const current = getIn(doc, path);
  const made = item.make(doc, Array.isArray(current) ? current : []);
  const next = append(doc, path, made);
  return item.after ? item.after(next, made) : next;
}

export interface VariantDef {
  id: string;
  label: string;
  /** What this choice does, shown under the choice once it is picked (a step action's description). */
  hint?: string;
  matches: (value: unknown) => boolean;
  make: (doc: unknown) => unknown;
  fields: readonly FieldDef[];
  /** Where the fields live inside the value (`['publish']` for a reaction that publishes). */
  base?: Path;
}

export interface SectionDef {
  id: string;
  title: string;
  hint: string;
  path: Path;
  field: FieldDef;
  /** How many things the section holds, for its heading. */
  count?: (doc: unknown) => number;
}
