import { CELL_H, type BrokerViewModel } from '../layout/brokerLayout';

export interface PredictionChoice {
  id: string;
  topic: string;
  partition: number;
}

/**
 * A prediction answered on the diagram: over each partition a choice names, a button sits on the
 * slot where that partition's next record would go ("Will it land here?"). Real buttons, laid over
 * the SVG at the layout's coordinates (times the diagram's scale), so keyboard and screen-reader
 * users pick the same way; the question panel keeps the same choices as a list.
 */
export function PredictionTargets({
  model,
  scale,
  choices,
  onPick,
}: {
  model: BrokerViewModel;
  scale: number;
  choices: readonly PredictionChoice[];
  onPick: (choiceId: string) => void;
}) {
  return (
    <div className="bv-predict" role="group" aria-label="Your prediction: click the partition">
      {choices.map((c) => {
        const p = model.topics.find((t) => t.name === c.topic)?.partitions[c.partition];
        if (!p) return null;
        return (
          <button
            key={c.id}
            type="button"
            className="bv-predict-target"
            style={{
              left: p.next.x * scale,
              top: (p.next.y - 3) * scale,
              height: (CELL_H + 6) * scale,
              width: Math.max(96, model.cellW) * scale,
            }}
            onClick={() => onPick(c.id)}
          >
            Here? <span className="visually-hidden">{`${c.topic} partition ${c.partition}`}</span>
            <span aria-hidden="true">P{c.partition}</span>
          </button>
        );
      })}
    </div>
  );
}
