/**
 * Where a plan-file problem is, in the user's words (TEAM.md: no field path, key or profile id reaches a
 * user). parsePlan finds problems at JSON paths ("doctors[0].duties[1].hoursPerWeek"); this turns such a
 * path, read against the file's own values, into "Läkare 1 (Anna Berg), uppdrag 2 (Handledare ST): Timmar
 * per vecka". `path` stays on each PlanError for code (the workbook import maps it to a cell); `place` is
 * what a message shows, through planErrorText.
 */
import { DUTY_LABELS } from '../strings/engine.sv';
import { DOCTOR_FIELDS } from '../strings/fields.sv';
import { INPUT_LABELS } from '../strings/formulas.sv';
import { TEAM_LABELS } from '../strings/peers.sv';
import { PLAN_PLACE as P } from '../strings/planfile.sv';
import { UNIT } from '../strings/ui.sv';
import { PERSONNUMMER_MASK } from '../strings/privacy.sv';
import { maskPersonnummer } from './personnummer';
import { PROFILES } from './profiles';
import type { PlanError } from './types';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The segments of a JSON path: names and array indexes. */
export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

/** Labels as forms show them, without the soft hyphens that let grid headers wrap. */
const plain = (s: string) => s.replace(/\u00ad/g, '');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A user's own text (a name or a label) as it may stand in a message: one line, short, never a personnummer. */
function ownText(v: unknown): string {
  if (typeof v !== 'string') return '';
  const t = maskPersonnummer(v.replace(/\s+/g, ' ').trim(), PERSONNUMMER_MASK);
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}

const at = (o: unknown, k: string | number): unknown => (isObj(o) || Array.isArray(o) ? (o as Obj)[k as string] : undefined);

function peerField(seg: (string | number)[]): string | undefined {
  const [k, sub, idx] = seg;
  if (k === 'careWeightBasis') return P.doctorFields.careWeightBasis;
  if (k === 'listAges') {
    const what = typeof sub === 'string' ? (P.listAgeFields as Record<string, string>)[sub] : undefined;
    const band = typeof idx === 'number' ? `, ${P.ageGroup(idx + 1)}` : '';
    return what ? `${P.doctorFields.listAges}, ${what}${band}` : P.doctorFields.listAges;
  }
  if (k === 'delegation') {
    const who = typeof sub === 'string' ? (TEAM_LABELS as Record<string, string>)[sub] : undefined;
    return who ? `${P.doctorFields.delegation}, ${who.toLowerCase()}` : P.doctorFields.delegation;
  }
  return undefined;
}

function doctorField(seg: (string | number)[], doctor: unknown): string {
  const [k, j, dk] = seg;
  if (k === 'duties' && typeof j === 'number') {
    const duty = at(at(doctor, 'duties'), j);
    const kind = at(duty, 'kind');
    const label = ownText(at(duty, 'label')) || (typeof kind === 'string' && Object.hasOwn(DUTY_LABELS, kind) ? DUTY_LABELS[kind as keyof typeof DUTY_LABELS] : '');
    const field = typeof dk === 'string' ? (P.dutyFields as Record<string, string>)[dk] ?? P.field : '';
    return field ? `${P.duty(j + 1, label)}: ${field}` : P.duty(j + 1, label);
  }
  if (typeof k !== 'string') return '';
  const own = (DOCTOR_FIELDS as Record<string, string>)[k] ?? (P.doctorFields as Record<string, string>)[k];
  if (own) return plain(own);
  if (k === 'careWeightPoints') return capital(INPUT_LABELS.careWeightPoints);
  return peerField(seg) ?? P.field;
}

function unitField(seg: (string | number)[]): string {
  const [k, sub, idx] = seg;
  if (typeof k !== 'string') return '';
  if (k === 'priority') {
    const group = typeof sub === 'string' ? (UNIT.priority as Record<string, string>)[sub] : undefined;
    return group ? `${P.unitFields.priority}, ${group}` : P.unitFields.priority;
  }
  if (k === 'ageReference') {
    const name: Record<string, string> = { rates: P.unitFields.ageReferenceRates, mean: P.unitFields.ageReferenceMean, name: P.unitFields.ageReferenceName, own: P.unitFields.ageReferenceOwn };
    const what = typeof sub === 'string' ? name[sub] : undefined;
    const band = typeof idx === 'number' ? `, ${P.ageGroup(idx + 1)}` : '';
    return what ? `${P.unitFields.ageReference}, ${what}${band}` : P.unitFields.ageReference;
  }
  const label = (UNIT as unknown as Record<string, unknown>)[k];
  if (typeof label === 'string') return label;
  return peerField(seg) ?? P.field;
}

function profileField(seg: (string | number)[]): string {
  const last = seg[seg.length - 1];
  const f = P.profileFields as Record<string, string>;
  const input = INPUT_LABELS as Record<string, string>;
  if (seg[0] === 'goals' && typeof seg[1] === 'string') {
    const goal: Record<string, string> = { coverage: f.goalCoverage, nursingHome: f.goalNursingHome, continuityIncrease: f.goalContinuity };
    return goal[seg[1]] ?? f.goals;
  }
  if (seg[0] === 'stRamp' && last === 'enabled') return capital(INPUT_LABELS.rampEnabled);
  if (typeof last !== 'string') return P.field;
  if (f[last]) return f[last];
  if (input[last]) return capital(input[last]);
  return P.field;
}

function profileName(p: unknown): string {
  if (typeof p === 'string') return Object.hasOwn(PROFILES, p) ? PROFILES[p].name : '';
  return ownText(at(p, 'name'));
}

/**
 * The place of a path in a plan file, in Swedish ('' for the file as a whole). `root` is the file's
 * object (as parsed, migrated or not): names of doctors, duties and the profile are read from it.
 */
export function placeOfPath(path: string, root: unknown): string {
  const seg = pathSegments(path);
  const [head, ...rest] = seg;
  if (head === undefined) return '';
  switch (head) {
    case 'format':
      return P.format;
    case 'version':
      return P.version;
    case 'model':
      return P.model;
    case 'unit':
      return rest.length ? `${P.unit}: ${unitField(rest)}` : P.unit;
    case 'time': {
      const k = rest[0];
      const label = typeof k === 'string' ? (INPUT_LABELS as Record<string, string>)[k] : undefined;
      return label ? `${P.time}: ${capital(label)}` : P.time;
    }
    case 'profile': {
      const where = P.profile(profileName(at(root, 'profile')));
      return rest.length ? `${where}: ${profileField(rest)}` : where;
    }
    case 'doctors': {
      const i = rest[0];
      if (typeof i !== 'number') return P.doctors;
      const doctor = at(at(root, 'doctors'), i);
      const who = P.doctor(i + 1, ownText(at(doctor, 'name')));
      const field = doctorField(rest.slice(1), doctor);
      // "Läkare 1 (Anna Berg), uppdrag 2 (Handledning): Timmar per vecka" — the duty is part of the who.
      const sep = rest[1] === 'duties' && typeof rest[2] === 'number' ? ', ' : ': ';
      return field ? `${who}${sep}${field}` : who;
    }
    case 'scenarios': {
      // An "alla planer" file: scenarios[i].plan.<path inside that plan>.
      const i = rest[0];
      if (typeof i !== 'number') return P.scenarios;
      const entry = at(at(root, 'scenarios'), i);
      const who = P.scenario(i + 1, ownText(at(entry, 'name')));
      const inner = path.replace(/^scenarios\[\d+\](\.plan)?\.?/, '');
      const place = inner ? placeOfPath(inner, at(entry, 'plan')) : '';
      return place ? `${who}, ${place}` : who;
    }
    default:
      return P.field;
  }
}

/** The errors with their places, read against the file they were found in. */
export function withPlaces(errors: readonly PlanError[], root: unknown): PlanError[] {
  return errors.map((e) => (e.place !== undefined || !e.path ? e : { ...e, place: placeOfPath(e.path, root) }));
}

/** A plan-file problem as a user reads it: "Läkare 1 (Anna Berg): Namn – Värdet saknas." */
export function planErrorText(e: PlanError): string {
  return e.place ? `${e.place} – ${e.message}` : e.message;
}
