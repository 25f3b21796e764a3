import type { AlertFigure, AlertKind, AlertRules } from '../../engine/tracing';

const NAMES: Record<AlertKind, string> = {
  lag: 'Lag above threshold',
  'lag-trend': 'Lag trend (Burrow)',
  'dead-letters': 'Dead letters (DLQ rate)',
  rebalances: 'Rebalance rate',
  latency: 'End-to-end latency',
  'error-rate': 'Error rate',
};

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The figure now, and the level above which it fires. */
function valueText(f: AlertFigure): string {
  if (f.value === null) return f.alert === 'lag-trend' ? 'not judged yet' : 'none yet';
  switch (f.alert) {
    case 'lag':
      return `${count(f.value, 'record')} · fires above ${f.threshold}`;
    case 'lag-trend':
      return `${f.value >= 0 ? '+' : ''}${f.value} across the commits judged · fires if growing at each`;
    case 'latency':
      return `${f.value / 1000} s · fires above ${f.threshold / 1000} s`;
    case 'error-rate':
      return `${Math.round(f.value * 100)} % · fires above ${Math.round(f.threshold * 100)} %`;
    case 'dead-letters':
      return `${count(f.value, 'record')} · fires above ${f.threshold}`;
    case 'rebalances':
      return `${count(f.value, 'rebalance')} · fires above ${f.threshold}`;
  }
}

/** What to alert on, per group, computed from the run: each figure, its threshold, FIRING or OK, and why. */
export function AlertTable({ figures, rules }: { figures: readonly AlertFigure[]; rules: AlertRules }) {
  const firing = figures.filter((f) => f.firing).length;
  return (
    <table className="alert-table">
      <caption>
        Alerts computed from this run, over the last {rules.windowMs / 60_000} min: {firing} firing
      </caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col">Alert</th>
          <th scope="col">Now</th>
          <th scope="col">State</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => (
          <tr key={`${f.group}-${f.alert}`} className={f.firing ? 'alert-row alert-row--firing' : 'alert-row'}>
            <td>{f.group}</td>
            <th scope="row">{NAMES[f.alert]}</th>
            <td>{valueText(f)}</td>
            <td className="alert-state">{f.firing ? '▲ FIRING' : 'OK'}</td>
            <td className="alert-why">{f.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
