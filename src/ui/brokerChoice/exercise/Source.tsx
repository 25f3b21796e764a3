/** A verdict's source: each part a link when it is a web page, plain text when it is a README in this repository. */
export function Source({ source }: { source: string }) {
  const parts = source.split(/;\s*/);
  return (
    <span className="pick-source">
      Source:{' '}
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 && '; '}
          {p.startsWith('https://') ? (
            <a href={p} target="_blank" rel="noreferrer">
              {p.replace(/^https:\/\//, '')}
            </a>
          ) : (
            p
          )}
        </span>
      ))}
    </span>
  );
}
