import { EMPTY_KEY_STORE, isSealed, open } from '../../engine/privacy';
import { useRun } from '../../state/react';

/**
 * Under an event's raw data in the inspector: its sealed (encrypted) fields as a reader with the key store sees
 * them now — the value while the subject's key exists, 🔒 shredded once it is deleted. Nothing for data with no
 * sealed field.
 */
export function SealedFields({ data }: { data: unknown }) {
  const store = useRun((s) => s.world.privacy?.keys) ?? EMPTY_KEY_STORE;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const sealed = Object.entries(data as Record<string, unknown>).filter(([, v]) => isSealed(v));
  if (sealed.length === 0) return null;
  return (
    <p className="dd-note" aria-label="Encrypted fields, read through the key store">
      Read through the key store:{' '}
      {sealed
        .map(([field, v]) => {
          const o = open(store, v);
          return `${field}: ${o.kind === 'decrypted' ? (typeof o.value === 'string' ? o.value : JSON.stringify(o.value)) : '🔒 shredded'}`;
        })
        .join(' · ')}
    </p>
  );
}
