import { useState } from 'react';
import { addItem, type FieldDef } from '../../scenarios/design/formSpec';
import { getIn, moveItem, pathKey, removeAt, type Path } from '../../scenarios/design/paths';
import { formText } from '../../scenarios/design/schemaText';
import { useDesign } from './context';
import { Fields } from './Fields';
import { Messages } from './Messages';

/**
 * A list of things (topics, steps, an aggregate's commands): each a collapsible item whose fields
 * render only while it is open, so a long script stays quick to edit.
 */
export function ListEditor({ def, path, titled }: { def: FieldDef & { kind: 'list' }; path: Path; titled?: boolean }) {
  const { doc, apply, messages } = useDesign();
  const raw = getIn(doc, path);
  const items = Array.isArray(raw) ? raw : [];
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set());
  const { noun } = def.item;
  const toggle = (i: number, on: boolean) =>
    setOpen((s) => {
      if (on === s.has(i)) return s;
      const n = new Set(s);
      if (on) n.add(i);
      else n.delete(i);
      return n;
    });
  const structural = (change: (d: unknown) => unknown, stillOpen?: number) => {
    setOpen(new Set(stillOpen === undefined ? [] : [stillOpen]));
    apply(change);
  };
  return (
    <div className="d-list">
      {titled && <h4 className="d-list-title">{formText(def, doc, path).label}</h4>}
      <Messages {...messages.get(pathKey(path))} />
      {items.length === 0 && <p className="hint">No {noun}s yet.</p>}
      <ol className="d-items">
        {items.map((item, i) => {
          const title = def.item.title(item, i);
          const itemPath = [...path, i];
          const below = messages.under(pathKey(itemPath));
          const problems = below.issues.length;
          const findings = below.findings.length;
          return (
            <li key={i}>
              <details
                className="d-item"
                open={open.has(i)}
                onToggle={(e) => toggle(i, e.currentTarget.open)}
                aria-label={`${noun}: ${title}`}
              >
                <summary>
                  <span className="d-item-title">{title}</span>
                  {problems > 0 && (
                    <span className="badge d-bad">
                      {problems} problem{problems > 1 ? 's' : ''}
                    </span>
                  )}
                  {findings > 0 && (
                    <span className="badge warn">
                      {findings} design note{findings > 1 ? 's' : ''}
                    </span>
                  )}
                </summary>
                {open.has(i) && (
                  <div className="d-item-body">
                    <Fields fields={def.item.fields} at={itemPath} />
                    <div className="d-item-bar">
                      <button
                        type="button"
                        className="d-small"
                        disabled={i === 0}
                        onClick={() => structural((d) => moveItem(d, path, i, -1), i - 1)}
                      >
                        Move {noun} up
                      </button>
                      <button
                        type="button"
                        className="d-small"
                        disabled={i === items.length - 1}
                        onClick={() => structural((d) => moveItem(d, path, i, 1), i + 1)}
                      >
                        Move {noun} down
                      </button>
                      <button
                        type="button"
                        className="d-small d-danger"
                        onClick={() => structural((d) => removeAt(d, path, i, def.optional))}
                      >
                        Remove {noun}
                      </button>
                    </div>
                  </div>
                )}
              </details>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="d-add"
        onClick={() => {
          setOpen(new Set([items.length]));
          apply((d) => addItem(d, path, def.item));
        }}
      >
        Add {noun}
      </button>
    </div>
  );
}
