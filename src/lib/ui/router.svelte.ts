/**
 * The view lives in the URL hash (#/enhet, #/lakare?fokus=doctors.d3.listed …) so a reload keeps
 * the place and links work with the keyboard. `route` is reactive; `fieldHref` builds a finding link.
 */
export const VIEW_IDS = ['enhet', 'lakare', 'diagram', 'scenarier', 'apt', 'uppfoljning', 'rapport', 'oversikt', 'installningar'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export interface Route {
  view: ViewId;
  /** A field path to focus on arrival (explain/finding path), or undefined. */
  focus: string | undefined;
  /** Bumped on every navigation, so the same link twice focuses again. */
  seq: number;
}

export function parseHash(hash: string): { view: ViewId; focus: string | undefined } {
  const m = /^#\/([a-z]+)(?:\?(.*))?$/.exec(hash);
  const view = (VIEW_IDS as readonly string[]).includes(m?.[1] ?? '') ? (m![1] as ViewId) : 'enhet';
  const q = /(?:^|&)fokus=([^&]*)/.exec(m?.[2] ?? '');
  return { view, focus: q ? decodeOrNothing(q[1]) : undefined };
}

/** A malformed link (`?fokus=%`) opens the view without a focus instead of stopping the app (URIError). */
function decodeOrNothing(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export function viewHref(view: ViewId): string {
  return `#/${view}`;
}

/** The view that holds a field: doctor fields are in Läkare, unit fields in Enhet. */
export function fieldHref(path: string): string {
  const view: ViewId = path.startsWith('doctors.') ? 'lakare' : 'enhet';
  return `#/${view}?fokus=${encodeURIComponent(path)}`;
}

/** DOM id of a unit form field: "unit.priority.multimorbid" → "field-unit-priority-multimorbid". */
export function fieldId(path: string): string {
  return 'field-' + path.replace(/\./g, '-');
}

export const route = $state<Route>({ view: 'enhet', focus: undefined, seq: 0 });

export function syncFromLocation(): void {
  const { view, focus } = parseHash(typeof location === 'undefined' ? '' : location.hash);
  route.view = view;
  route.focus = focus;
  route.seq++;
}
