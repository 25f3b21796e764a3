/**
 * The text of a field — its title and description — read from the scenario schema's `.meta()`, the
 * one description of the format: the forms show it, and the published JSON Schema carries it (so an
 * editor's completion shows the same words). Found by walking the zod schema along the field's path in
 * the draft (a union's option is chosen by the draft's value there, e.g. a step action's `kind`).
 */
import { getIn, type Path } from './paths';
import { Scenario } from '../schema';

export interface FieldText {
  title?: string;
  description?: string;
}

interface Node {
  _zod: { def: Record<string, unknown> & { type: string } };
  meta(): FieldText | undefined;
}

const defOf = (n: Node) => n._zod.def;

/** The schemas a value may be described by: this one, then the ones it wraps (optional, nullable…). */
function* layers(n: Node): Generator<Node> {
  for (let cur: Node | undefined = n, i = 0; cur && i < 8; i++) {
    yield cur;
    const d = defOf(cur);
    cur =
      d.type === 'lazy'
        ? (d.getter as () => Node)()
        : d.type === 'optional' || d.type === 'nullable' || d.type === 'default'
          ? (d.innerType as Node)
          : d.type === 'pipe'
            ? (d.in as Node)
            : undefined;
  }
}

const shapeHas = (n: Node, key: string) =>
  [...layers(n)].some((l) => defOf(l).type === 'object' && Object.hasOwn(defOf(l).shape as object, key));

/** One step down the schema: into an object's key or an array's element, through wrappers and unions. */
function step(n: Node, part: string | number, value: unknown): Node | undefined {
  for (const l of layers(n)) {
    const d = defOf(l);
    if (d.type === 'array' && typeof part === 'number') return d.element as Node;
    if (d.type === 'object' && typeof part === 'string') return (d.shape as Record<string, Node>)[part];
    if (d.type === 'union') {
      const options = d.options as Node[];
      const disc = d.discriminator as string | undefined;
      const tag = disc ? getIn(value, [disc]) : undefined;
      const chosen =
        (disc &&
          options.find((o) =>
            [...layers(o)].some((x) => {
              const lit = (defOf(x).shape as Record<string, Node> | undefined)?.[disc];
              return lit && (defOf(lit).values as unknown[] | undefined)?.includes(tag);
            }),
          )) ||
        options.find((o) => typeof part === 'string' && shapeHas(o, part));
      return chosen ? step(chosen, part, value) : undefined;
    }
  }
  return undefined;
}

/** The title and description the schema gives the field at `path` of this draft (empty when it has none). */
export function fieldText(doc: unknown, path: Path): FieldText {
  let n: Node | undefined = Scenario as unknown as Node;
  for (let i = 0; i < path.length && n; i++) n = step(n, path[i]!, getIn(doc, path.slice(0, i)));
  if (!n) return {};
  for (const l of layers(n)) {
    const m = l.meta();
    if (m?.title || m?.description) return { title: m.title, description: m.description };
  }
  return {};
}

/**
 * The title and description of the option of a union whose `discriminator` is `tag` (a step action's kind),
 * or, with no tag, of the option that has the key `discriminator` (a reaction's `command` or `publish`):
 * what the editor names that choice, and says of it once chosen.
 */
export function optionText(union: unknown, discriminator: string, tag?: string): FieldText {
  const d = defOf(union as Node);
  for (const o of (d.type === 'union' ? d.options : []) as Node[]) {
    const lit = (defOf(o).shape as Record<string, Node> | undefined)?.[discriminator];
    if (!lit || (tag !== undefined && !(defOf(lit).values as unknown[] | undefined)?.includes(tag))) continue;
    const m = o.meta();
    return { title: m?.title, description: m?.description };
  }
  return {};
}

/** A variant's name in a choice list and its hint, from the union option the schema gives that tag. */
export function variantText(union: unknown, discriminator: string, tag?: string): { label: string; hint?: string } {
  const t = optionText(union, discriminator, tag);
  return { label: t.title ?? tag ?? discriminator, ...(t.description ? { hint: t.description } : {}) };
}

/**
 * What a form shows for a field: the schema's title and description where it gives them, else the
 * form's own words (a few pieces shared with parts the schema does not name), else the key.
 */
export function formText(
  def: { key: string; label?: string; hint?: string },
  doc: unknown,
  path: Path,
): { label: string; hint?: string } {
  const t = fieldText(doc, path);
  const hint = t.description ?? def.hint;
  return { label: t.title ?? def.label ?? def.key, ...(hint ? { hint } : {}) };
}
