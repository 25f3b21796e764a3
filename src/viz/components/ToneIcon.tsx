import type { EffectTone } from '../layout/effectItems';

/** A small shape per tone (✕ problem, ! warning, • normal), so tone never rests on colour alone. Decorative. */
export function ToneIcon({ tone }: { tone: EffectTone }) {
  return (
    <svg width={12} height={12} viewBox="0 0 12 12" aria-hidden="true" focusable="false" className="tone-icon">
      {tone === 'problem' && (
        <path d="M2.5 2.5l7 7M9.5 2.5l-7 7" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" />
      )}
      {tone === 'warning' && (
        <>
          <path d="M6 1L11.5 11H.5z" fill="none" stroke="currentColor" strokeWidth={1.4} strokeLinejoin="round" />
          <path d="M6 4.5v3" stroke="currentColor" strokeWidth={1.5} />
          <circle cx={6} cy={9.2} r={0.8} fill="currentColor" />
        </>
      )}
      {tone === 'normal' && <circle cx={6} cy={6} r={2.6} fill="currentColor" />}
    </svg>
  );
}

export const TONE_WORD: Record<EffectTone, string> = { problem: 'problem: ', warning: 'attention: ', normal: '' };
