/** Small inline icons: system fonts lack media-control glyphs, so draw them. Decorative only. */
const base = {
  width: 14,
  height: 14,
  viewBox: '0 0 16 16',
  'aria-hidden': true as const,
  focusable: false as const,
  className: 'icon',
};

export const IconRestart = () => (
  <svg {...base}>
    <path d="M3 2v12" stroke="currentColor" strokeWidth="2" />
    <path d="M14 2L5 8l9 6z" fill="currentColor" />
  </svg>
);
export const IconBack = () => (
  <svg {...base}>
    <path d="M12 2L3 8l9 6z" fill="currentColor" />
  </svg>
);
export const IconForward = () => (
  <svg {...base}>
    <path d="M4 2l9 6-9 6z" fill="currentColor" />
  </svg>
);
export const IconPlay = IconForward;
export const IconPause = () => (
  <svg {...base}>
    <rect x="3" y="2" width="4" height="12" fill="currentColor" />
    <rect x="9" y="2" width="4" height="12" fill="currentColor" />
  </svg>
);
export const IconDisk = () => (
  <svg {...base}>
    <path d="M2 2h10l2 2v10H2z" fill="none" stroke="currentColor" strokeWidth="1.5" />
    <rect x="5" y="2.5" width="5" height="3.5" fill="currentColor" />
  </svg>
);
export const IconWarn = () => (
  <svg {...base}>
    <path d="M8 1.5l7 13H1z" fill="none" stroke="currentColor" strokeWidth="1.5" />
    <path d="M8 6v4.5M8 12v1" stroke="currentColor" strokeWidth="1.6" />
  </svg>
);
