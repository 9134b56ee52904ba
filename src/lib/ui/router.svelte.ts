/**
 * The view lives in the URL hash (#/enhet, #/lakare?fokus=doctors.d3.listed …) so a reload keeps
 * the place and links work with the keyboard. `route` is reactive; `fieldHref` builds a finding link.
 */
export const VIEW_IDS = ['enhet', 'lakare', 'diagram', 'scenarier', 'apt', 'uppfoljning', 'rapport', 'oversikt', 'installningar', 'ordlista'] as const;
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
  const focus = q ? decodeURIComponent(q[1]) : undefined;
  return { view, focus };
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
