import { useId, useState } from 'react';
import { useRun, useRunChrome } from '../state/react';
import { gatedReason, usePracticeGate } from './practiceGate';
import { RunForReal } from './runForReal/RunForReal';

/** Fork, export and share: keep or pass on what is on screen. */
export function ScenarioActions() {
  const chrome = useRunChrome();
  const step = useRun((s) => s.step);
  const lastStep = useRun((s) => s.lastStep);
  const scenarioId = useRun((s) => s.scenario.id);
  const [share, setShare] = useState<{ ok: true; url: string } | { ok: false; message: string } | null>(null);
  const [copied, setCopied] = useState(false);
  // A practice not yet watched: each action that hands over the reference design (its events, topics, consumers)
  // stays in place, disabled, with the reason beside it. Share link stays: it opens the same practice, gated.
  const { gated, open } = usePracticeGate();
  const reasonId = useId();
  const hold = gated ? { disabled: true, 'aria-describedby': reasonId } : {};
  const makeLink = async () => {
    setCopied(false);
    const r = await chrome.shareLink();
    setShare(r);
    if (r.ok) {
      try {
        await navigator.clipboard.writeText(r.url);
        setCopied(true);
      } catch {
        // Clipboard refused (permissions): the link is shown to copy by hand.
      }
    }
  };
  return (
    <div className="scenario-actions">
      <div className="scenario-buttons" role="group" aria-label="Scenario">
        <button
          type="button"
          onClick={() => chrome.fork('up-to-here')}
          {...hold}
          title={`Steps 1–${step} of this run become a scenario of your own${step < lastStep ? '; the later steps are left out' : ''}`}
        >
          Fork up to step {step}
        </button>
        {step < lastStep && (
          <button
            type="button"
            onClick={() => chrome.fork('whole')}
            {...hold}
            title={`All ${lastStep} steps of this run become a scenario of your own; you stay at step ${step}`}
          >
            Fork the whole scenario
          </button>
        )}
        <button type="button" onClick={() => chrome.exportFile('scenario')} {...hold}>
          Export
        </button>
        <button type="button" onClick={() => void makeLink()}>
          Share link
        </button>
        <button type="button" onClick={() => chrome.exportFile('asyncapi')} {...hold}>
          AsyncAPI
        </button>
        {gated ? (
          <button type="button" {...hold}>
            Run it for real
          </button>
        ) : (
          <RunForReal />
        )}
        {chrome.ownership === 'builtin' &&
          (gated ? (
            <button type="button" {...hold}>
              Run on another broker
            </button>
          ) : (
            <a href={`#/s/${encodeURIComponent(scenarioId)}/on/rabbitmq/${step}`}>Run on another broker</a>
          ))}
      </div>
      {gated && (
        <p className="notice-bar" id={reasonId}>
          {gatedReason(open)}
        </p>
      )}
      {chrome.ownership === 'shared' && (
        <p className="notice-bar">
          You are viewing a shared scenario. It is read-only and nothing is stored: press Fork to keep it.
        </p>
      )}
      {chrome.notice && (
        <p className="notice-bar" role="status">
          {chrome.notice}
        </p>
      )}
      {share && (
        <div className="notice-bar" role="status">
          {share.ok ? (
            <>
              <label>
                {copied ? 'Link copied. ' : ''}Share link (opens this step in any browser; what it needs travels inside
                it, nothing is uploaded):
                <input readOnly value={share.url} onFocus={(e) => e.currentTarget.select()} />
              </label>
            </>
          ) : (
            <>
              {share.message}{' '}
              <button type="button" className="link-button" onClick={() => chrome.exportFile('scenario')}>
                Export the file instead
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
