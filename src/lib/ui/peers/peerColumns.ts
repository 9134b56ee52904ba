/**
 * The doctor grid's columns for what peers weigh (issue 16.2 and 16.4; domain.md §8–§9): free places
 * (capacity − listed, and capacity − the agreed list size) and the visits per working day the time model
 * implies. Kept here and spread into the grid's column list, so the läkardel columns stay one definition
 * and these stay additive. Every number through fmt; each cell opens its explanation like the others.
 */
import { fmt, type DoctorResult } from '../../engine/index';
import { PEERS_UI } from '../../strings/peers.sv';
import type { GridColumn } from '../grid/types';

export type PeerComputedKey = 'freePlaces' | 'freePlacesAgreed' | 'visitsPerDay';
export const PEER_COMPUTED_KEYS: readonly PeerComputedKey[] = ['freePlaces', 'freePlacesAgreed', 'visitsPerDay'];

export const PEER_COLUMNS: readonly GridColumn[] = [
  { key: 'freePlaces', header: PEERS_UI.colFreePlaces, kind: 'computed', description: PEERS_UI.gridFreePlacesHint, widthRem: 7 },
  { key: 'freePlacesAgreed', header: PEERS_UI.gridFreeAgreed, kind: 'computed', description: PEERS_UI.gridFreeAgreedHint, widthRem: 9.5 },
  { key: 'visitsPerDay', header: PEERS_UI.colVisitsPerDay, kind: 'computed', description: PEERS_UI.gridVisitsPerDayHint, widthRem: 7.5 },
];

/** A peer column's cell text ('' when the key is not one of them; '–' when the figure does not apply). */
export function displayPeerComputed(r: DoctorResult, key: string): string {
  if (key === 'freePlaces') return fmt.patients(r.freePlaces ?? null);
  if (key === 'freePlacesAgreed') return fmt.patients(r.freePlacesAgreed ?? null);
  if (key === 'visitsPerDay') return fmt.perDay(r.visitsPerDay ?? null);
  return '';
}
