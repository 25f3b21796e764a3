import { useMemo, useState } from 'react';
import { refSuggestions, sections, type SectionDef } from '../../scenarios/design/formSpec';
import { pathKey, setIn, type Doc, type Path } from '../../scenarios/design/paths';
import type { MessagesByPath } from '../../state/editorDraft';
import { DesignContext, type DesignContextValue } from './context';
import './design.css';
import { FieldEditor } from './FieldEditor';

interface Props {
  doc: Doc;
  /** A new draft; `coalesce` names the field being typed in, so a word typed is one undo step. */
  onChange(next: unknown, coalesce?: string): void;
  messages: MessagesByPath;
}

/**
 * The scenario as forms, section by section (events, topics, producers, groups, aggregates,
 * projections, upcasters, relay, services, queues, script) — the same draft as the JSON tab.
 */
export function DesignEditor({ doc, onChange, messages }: Props) {
  const refs = useMemo(() => refSuggestions(doc), [doc]);
  const ctx = useMemo<DesignContextValue>(
    () => ({
      doc,
      set: (path: Path, value: unknown) => onChange(setIn(doc, path, value), pathKey(path)),
      apply: (change) => onChange(change(doc)),
      messages,
      refs,
      Field: FieldEditor,
    }),
    [doc, onChange, messages, refs],
  );
  return (
    <DesignContext.Provider value={ctx}>
      <div className="d-sections">
        {sections.map((s) => (
          <Section key={s.id} section={s} doc={doc} messages={messages} />
        ))}
      </div>
    </DesignContext.Provider>
  );
}

function Section({ section, doc, messages }: { section: SectionDef; doc: Doc; messages: MessagesByPath }) {
  const [open, setOpen] = useState(false);
  const count = section.count?.(doc);
  const fieldPath = section.field.key === '' ? section.path : [...section.path, section.field.key];
  const below = messages.under(pathKey(fieldPath));
  const problems = fieldPath.length === 0 ? 0 : below.issues.length;
  return (
    <details className="d-section" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <h3>
          {section.title}
          {count !== undefined && <span className="d-count"> ({count})</span>}
        </h3>
        {problems > 0 && (
          <span className="badge d-bad">
            {problems} problem{problems > 1 ? 's' : ''}
          </span>
        )}
        <span className="hint">{section.hint}</span>
      </summary>
      {open && <FieldEditor def={section.field} at={section.path} root />}
    </details>
  );
}
