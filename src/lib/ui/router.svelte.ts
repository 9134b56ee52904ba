/**
 * The view lives in the URL hash (#/enhet, #/lakare?fokus=doctors.d3.listed …) so a reload keeps
 * the place and links work with the keyboard. `route` is reactive; `fieldHref` builds a finding link.
 */
export const VIEW_IDS = ['enhet', 'lakare', 'lakarsamtal', 'diagram', 'scenarier', 'apt', 'uppfoljning', 'rapport', 'oversikt', 'installningar', 'ordlista'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export interface Route {
  view: ViewId;
  /** A field path to focus on arrival (explain/finding path), or undefined. */
  focus: string | undefined;
  /** Bumped on every navigation, so the same link twice focuses again. */
  seq: number;
  /** The doctor of the doctor's page (#/lakarsamtal?lakare=<id>), or undefined. */
  doctor?: string;
}

function param(query: string, name: string): string | undefined {
  const q = new RegExp(`(?:^|&)${name}=([^&]*)`).exec(query);
  if (!q) return undefined;
  try {
    return decodeURIComponent(q[1]);
  } catch {
    return undefined;
  }
}

export function parseHash(hash: string): { view: ViewId; focus: string | undefined; doctor: string | undefined } {
  const m = /^#\/([a-z]+)(?:\?(.*))?$/.exec(hash);
  const view = (VIEW_IDS as readonly string[]).includes(m?.[1] ?? '') ? (m![1] as ViewId) : 'enhet';
  const query = m?.[2] ?? '';
  return { view, focus: param(query, 'fokus'), doctor: param(query, 'lakare') };
}

/** The doctor's page (Läkarsamtal) of one doctor. */
export function doctorPageHref(doctorId: string): string {
  return `#/lakarsamtal?lakare=${encodeURIComponent(doctorId)}`;
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

export const route = $state<Route>({ view: 'enhet', focus: undefined, seq: 0, doctor: undefined });

export function syncFromLocation(): void {
  const { view, focus, doctor } = parseHash(typeof location === 'undefined' ? '' : location.hash);
  route.view = view;
  route.focus = focus;
  route.doctor = doctor;
  route.seq++;
}
