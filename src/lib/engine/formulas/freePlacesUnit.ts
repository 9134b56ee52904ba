/**
 * The unit's free places (issue 16.4): capacity on the named-doctor lists − listed on them (net, positive or
 * negative). Lists of doctors who cannot be a fast läkarkontakt, and fictive lists, are not named lists.
 */
import { PEER_FORMULA_TEXT } from '../../strings/peers.sv';
import type { Patients } from '../types';
import { sub, type Expr } from './expr';
import { defineFormula } from './types';

const T = PEER_FORMULA_TEXT.freePlacesUnit;

export function freePlacesUnitOf(capacityNamed: Patients, listedNamed: Patients): Patients {
  return capacityNamed - listedNamed;
}

export const freePlacesUnit = defineFormula({
  key: 'freePlacesUnit',
  section: '§9',
  kind: 'patients',
  label: T.label,
  rule: T.rule,
  source: 'arithmetic',
  inputs: { capacity: { label: T.inputs.capacity, kind: 'patients' }, listed: { label: T.inputs.listed, kind: 'patients' } },
  compute: freePlacesUnitOf,
  expr: (x: { capacity: Expr; listed: Expr }) => sub(x.capacity, x.listed),
  excel: (r) => `${r.capacity}-${r.listed}`,
});
