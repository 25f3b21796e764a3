import { useRef } from 'react';

const KEYS: [string, string][] = [
  ['Space', 'Play or pause (or Continue, when Play has paused after a step)'],
  ['→', 'Step forward'],
  ['←', 'Step back'],
  ['Home', 'Restart from step 0'],
];

/** Inside the partitions' records (one Tab stop), the keys move between records instead. */
const GRID_KEYS: [string, string][] = [
  ['← →', 'Previous or next record in the partition'],
  ['↑ ↓', 'Same offset (or the nearest) in the partition above or below'],
  ['Home / End', 'First or last record of the partition (with Ctrl: of all partitions)'],
  ['Enter or Space', 'Why this record went to its partition'],
];

function KeyTable({ caption, keys }: { caption: string; keys: [string, string][] }) {
  return (
    <table>
      <caption>{caption}</caption>
      <tbody>
        {keys.map(([key, what]) => (
          <tr key={key}>
            <th scope="row">
              <kbd>{key}</kbd>
            </th>
            <td>{what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

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
        <KeyTable caption="Playback" keys={KEYS} />
        <p className="hint">
          Playback shortcuts work when the focus is not in a text field, on a button or among the records.
        </p>
        <KeyTable caption="Among a topic’s records (Tab into them)" keys={GRID_KEYS} />
        <form method="dialog">
          <button type="submit">Close</button>
        </form>
      </dialog>
    </>
  );
}
