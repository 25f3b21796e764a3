import { useRef } from 'react';

const KEYS: [string, string][] = [
  ['Space', 'Play or pause'],
  ['→', 'Step forward'],
  ['←', 'Step back'],
  ['Home', 'Restart from step 0'],
];

/** A button that opens the list of keyboard shortcuts in a modal dialog (Escape closes it). */
export function ShortcutsHelp() {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} aria-haspopup="dialog">
        Keyboard shortcuts
      </button>
      <dialog ref={dialog} className="shortcuts" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table>
          <caption className="visually-hidden">Keys and what they do</caption>
          <tbody>
            {KEYS.map(([key, what]) => (
              <tr key={key}>
                <th scope="row">
                  <kbd>{key}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">Shortcuts work when the focus is not in a text field or on a button.</p>
        <form method="dialog">
          <button type="submit">Close</button>
        </form>
      </dialog>
    </>
  );
}
