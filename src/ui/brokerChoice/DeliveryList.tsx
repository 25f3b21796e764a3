import type { Delivery } from '../../scenarios/brokerChoice';

const OUTCOME: Record<Delivery['outcome'], string> = {
  processed: 'handled',
  failed: 'failed',
  crashed: 'handled, then crashed before acknowledging',
};

/** What each service handled in this step, one compact list per service. */
export function DeliveryList({ deliveries, label }: { deliveries: readonly Delivery[]; label: string }) {
  const services = [...new Set(deliveries.map((d) => d.service))];
  if (services.length === 0) return <p className="broker-none">No service handled a message in this step.</p>;
  return (
    <div className="broker-deliveries" role="group" aria-label={label}>
      {services.map((service) => (
        <div key={service}>
          <h4>{service}</h4>
          <ol>
            {deliveries
              .filter((d) => d.service === service)
              .map((d, i) => (
                <li key={i} className={`is-${d.outcome}`}>
                  {d.label} — {OUTCOME[d.outcome]} <span className="broker-detail">({d.detail})</span>
                </li>
              ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
