import type { ProfileId } from '../../scenarios/brokerChoice';

/** Which brokers to run side by side: a checkbox each, and one button for all of them. */
export function ProfilePicker({
  profiles,
  chosen,
  onChange,
}: {
  profiles: readonly { id: ProfileId; name: string }[];
  chosen: readonly ProfileId[];
  onChange: (next: ProfileId[]) => void;
}) {
  const toggle = (id: ProfileId, on: boolean) => {
    const next = profiles.map((p) => p.id).filter((x) => (x === id ? on : chosen.includes(x)));
    // At least one broker stays chosen: an empty page would compare nothing.
    if (next.length > 0) onChange(next);
  };
  return (
    <fieldset className="broker-picker">
      <legend>Brokers to compare</legend>
      {profiles.map((p) => (
        <label key={p.id}>
          <input
            type="checkbox"
            checked={chosen.includes(p.id)}
            disabled={chosen.length === 1 && chosen.includes(p.id)}
            onChange={(e) => toggle(p.id, e.currentTarget.checked)}
          />{' '}
          {p.name}
        </label>
      ))}
      <button
        type="button"
        onClick={() => onChange(profiles.map((p) => p.id))}
        disabled={chosen.length === profiles.length}
      >
        Show all brokers
      </button>
    </fieldset>
  );
}
