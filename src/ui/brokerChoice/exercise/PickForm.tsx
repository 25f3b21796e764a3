import type { ProfileId } from '../../../scenarios/brokerChoice';

/**
 * The brokers as radio buttons, in the set's seeded order, and "Check my pick". Once checked, the pick is
 * kept (it counts in the score) and the buttons are disabled.
 */
export function PickForm({
  setId,
  options,
  selected,
  answered,
  onSelect,
  onCheck,
}: {
  setId: string;
  options: readonly { id: ProfileId; name: string }[];
  selected: ProfileId | null;
  answered: boolean;
  onSelect: (id: ProfileId) => void;
  onCheck: () => void;
}) {
  return (
    <form
      className="pick-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (selected && !answered) onCheck();
      }}
    >
      <fieldset disabled={answered}>
        <legend>Which broker would you pick for this system?</legend>
        {options.map((o) => (
          <label key={o.id}>
            <input
              type="radio"
              name={`pick-${setId}`}
              value={o.id}
              checked={selected === o.id}
              onChange={() => onSelect(o.id)}
            />{' '}
            {o.name}
          </label>
        ))}
      </fieldset>
      {!answered && (
        <button type="submit" disabled={!selected}>
          Check my pick
        </button>
      )}
    </form>
  );
}
