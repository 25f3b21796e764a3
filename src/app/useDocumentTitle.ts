import { useEffect } from 'react';

const SITE = 'Event Lab';

/**
 * The tab's title and the page description follow the scenario on screen (a bookmark, the history
 * list and a shared tab then say what they are); both are restored when the scenario closes.
 */
export function useDocumentTitle(title: string | null, description?: string) {
  useEffect(() => {
    if (title === null) return;
    const meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
    const before = { title: document.title, description: meta?.content };
    document.title = `${title} · ${SITE}`;
    if (meta && description) meta.content = description;
    return () => {
      document.title = before.title;
      if (meta && before.description !== undefined) meta.content = before.description;
    };
  }, [title, description]);
}
