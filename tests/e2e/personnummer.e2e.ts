// Issue 12.1: a personnummer pushed through every import path and every text field is never stored.
// Each path gets the number in another written form (en dash, spaced hyphen, dot, full-width digits,
// a wrong check digit, a samordningsnummer, glued to a name); afterwards every IndexedDB store (keys
// and values), Cache Storage and localStorage are dumped and read by the engine's detector: none.
import * as XLSX from 'xlsx';
import { createDemoPlan, findPersonnummer, serializePlan, type Plan } from '../../src/lib/engine/index';
import { exportWorkbook } from '../../src/lib/io/index';
import { test, expect, waitForApp, type Page } from './support';

// A step that cannot be done fails within a bound instead of waiting out the whole test.
test.use({ actionTimeout: 30_000 });

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FORMS = {
  dash: '121212\u20131212',
  spaced: '121212 - 1212',
  dot: '121212.1212',
  fullWidth: '\uff11\uff12\uff11\uff12\uff11\uff12-\uff11\uff12\uff11\uff12',
  wrongCheck: '19121212-1213',
  samordning: '701063-2391',
  glued: 'Anna121212-1212',
  plain: '19121212-1212',
};

function nested(depth: number, leaf: unknown): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = { [`niva${i}`]: v };
  return v;
}

function file(name: string, text: string | Buffer, mimeType = 'application/json') {
  return { name, mimeType, buffer: typeof text === 'string' ? Buffer.from(text, 'utf8') : text };
}

/** Everything the browser keeps for the page, as text: IndexedDB (every store's keys and rows), Cache Storage, localStorage. */
async function everythingStored(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const out: string[] = [];
    const walk = (v: unknown, depth = 0): void => {
      if (depth > 200) return;
      if (typeof v === 'string') out.push(v);
      else if (typeof v === 'number') out.push(String(v));
      else if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
      else if (v && typeof v === 'object' && !(v instanceof Blob) && !ArrayBuffer.isView(v)) {
        for (const [k, x] of Object.entries(v)) {
          out.push(k);
          walk(x, depth + 1);
        }
      }
    };
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      out.push(info.name);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const [keys, rows] = await Promise.all(
          ['getAllKeys', 'getAll'].map(
            (m) =>
              new Promise<unknown[]>((resolve, reject) => {
                const req = (db.transaction(store, 'readonly').objectStore(store) as unknown as Record<string, () => IDBRequest<unknown[]>>)[m]();
                req.onsuccess = () => resolve(req.result);
                req.onerror = () => reject(req.error);
              }),
          ),
        );
        walk(keys);
        walk(rows);
      }
      db.close();
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) {
        out.push(req.url);
        const res = await cache.match(req);
        const type = res?.headers.get('content-type') ?? '';
        if (res && /json|text|javascript|html/.test(type)) out.push(await res.text());
      }
    }
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      out.push(k, localStorage.getItem(k) ?? '');
    }
    for (let i = 0; i < sessionStorage.length; i++) {
      const k = sessionStorage.key(i)!;
      out.push(k, sessionStorage.getItem(k) ?? '');
    }
    return out;
  });
}

async function go(page: Page, view: string): Promise<void> {
  await page.goto(`./#/${view}`);
  await waitForApp(page);
}

async function openPlanFile(page: Page, name: string, text: string): Promise<void> {
  await go(page, 'installningar');
  await page.getByLabel('Läs in planfil').setInputFiles(file(name, text));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a plan file as JSON, edited freely
function demoFile(change: (p: Record<string, any>) => void): string {
  const p = JSON.parse(serializePlan(createDemoPlan()));
  change(p);
  return JSON.stringify(p);
}

test('a personnummer through every import path and every text field is never stored', async ({ page }) => {
  test.setTimeout(480_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await go(page, 'enhet');

  // 1. Plan files: in a doctor's name, a duty's label, the unit's name, a custom profile's name, and
  //    nine levels deep in an unknown field (which the file check does not read: the storage guard does).
  const planFiles: [string, string][] = [
    ['namn', demoFile((p) => (p.doctors[0].name = `Anna ${FORMS.dash}`))],
    ['uppdrag', demoFile((p) => (p.doctors[0].duties = [{ kind: 'other', hoursPerWeek: 1, label: `Uppdrag ${FORMS.dot}` }]))],
    ['enhet', demoFile((p) => (p.unit.name = `VC ${FORMS.samordning}`))],
    ['profil', demoFile((p) => (p.profile = { id: 'egen', name: `Profil ${FORMS.spaced}`, basedOn: 'national' }))],
    ['djupt', demoFile((p) => (p.okantFalt = nested(9, `anteckning ${FORMS.wrongCheck}`)))],
    ['nyckel', demoFile((p) => (p.okantFalt = { [FORMS.plain]: 1 }))],
  ];
  for (const [name, text] of planFiles) {
    await openPlanFile(page, `${name}.kapacitet.json`, text);
    await expect(page.getByText(/personnummer/i).first()).toBeVisible();
  }

  // 2. Workbooks: a doctor's name, a duty label (Uppdrag sheet), the unit name.
  const wbPlan = createDemoPlan();
  wbPlan.doctors[1].name = `Bo ${FORMS.fullWidth}`;
  wbPlan.doctors[0].duties = [{ kind: 'other', hoursPerWeek: 2, label: `Möte ${FORMS.plain}` }];
  wbPlan.unit.name = `VC ${FORMS.glued}`;
  await go(page, 'enhet');
  await page.getByTestId('io-import-input').setInputFiles(file('plan.xlsx', Buffer.from(exportWorkbook(wbPlan)), XLSX_MIME));
  await expect(page.getByText(/personnummer/i).first()).toBeVisible();

  // 3. A listing report whose doctor is new (the import may add doctors) and carries a number.
  await go(page, 'enhet');
  const csv = ['Läkare;Listade', `Cecilia ${FORMS.dash};1200`, 'Anna Andersson;1100'].join('\r\n');
  await page.getByTestId('io-import-listing-input').setInputFiles(file('lista.csv', csv, 'text/csv'));
  const dialog = page.getByTestId('io-listing-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toContainText('1212');
  await dialog.getByTestId('io-listing-run').click();
  // Refused at its row and column ("Cellen ser ut att innehålla personnummer"), or applied: either way
  // the dialog is closed before going on (it is modal).
  await expect(dialog.getByText(/personnummer/i).first()).toBeVisible();
  const apply = dialog.getByTestId('io-listing-apply');
  if ((await apply.count()) && (await apply.isEnabled())) await apply.click();
  if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Stäng', exact: true }).last().click();
  await expect(dialog).toBeHidden();

  // 4. The overview: a unit file from another browser whose unit and doctors carry numbers.
  await go(page, 'oversikt');
  const ovPlan = JSON.parse(serializePlan(createDemoPlan()));
  ovPlan.unit.name = `Enhet ${FORMS.spaced}`;
  ovPlan.doctors[0].name = `Doktor ${FORMS.dot}`;
  await page.getByTestId('overview-files').setInputFiles([file('annan.kapacitet.json', JSON.stringify(ovPlan))]);
  await page.waitForTimeout(1500);

  // 5. Text fields: the unit's name.
  await go(page, 'enhet');
  const unitName = page.getByLabel('Enhetens namn', { exact: true });
  await unitName.fill(`Vårdcentralen ${FORMS.fullWidth}`);
  await unitName.press('Enter');
  await unitName.blur();
  await expect(page.getByText(/personnummer/i).first()).toBeVisible();

  // 6. Scenarios: a copy's name, and a backup restored as scenarios (a scenario named with a number,
  //    one whose doctor carries one).
  await go(page, 'scenarier');
  await page.getByLabel('Namn på kopian').fill(`Plan ${FORMS.dot}`);
  await page.getByRole('button', { name: 'Gör kopia' }).click();
  await expect(page.getByText(/personnummer/i).first()).toBeVisible();
  const base = createDemoPlan();
  const withDoctor = JSON.parse(serializePlan(base));
  withDoctor.doctors[0].name = `Dora ${FORMS.samordning}`;
  const backup = serializePlan({ ...base, scenarios: [{ name: `Scenario ${FORMS.dash}`, plan: JSON.parse(serializePlan(base)) }, { name: 'Dora', plan: withDoctor }] } as unknown as Plan);
  await page.locator('#restore-file').setInputFiles(file('alla.kapacitet.json', backup));
  await page.waitForTimeout(1500);

  // 7. APT: a meeting's title and a note.
  await go(page, 'apt');
  await page.locator('#meeting-date').fill('2026-09-01');
  await page.getByRole('button', { name: 'Öppna eller skapa' }).click();
  await page.getByRole('textbox', { name: 'Rubrik' }).fill(`APT ${FORMS.spaced}`);
  await page.getByRole('textbox', { name: 'Ny anteckning' }).pressSequentially(`Ring ${FORMS.plain} `);
  await page.waitForTimeout(800);

  // 8. Follow-up: a month's note, a contact log and a patient list carrying numbers.
  await go(page, 'uppfoljning');
  await page.locator('summary', { hasText: 'Mata in en månad' }).click();
  await page.locator('#fu-listed').fill('1000');
  await page.locator('#fu-named').fill('500');
  await page.locator('#fu-note').fill(`Notering ${FORMS.wrongCheck}`);
  await page.getByRole('button', { name: 'Spara månaden' }).click();
  await expect(page.getByText(/personnummer/i).first()).toBeVisible();
  await page.getByRole('tab', { name: 'Kontinuitet' }).click();
  const log = ['Patientnyckel;Datum;Läkare;Kontakttyp', `${FORMS.plain};2026-01-10;HSA-1;Besök`, `${FORMS.dash};2026-01-11;Dr ${FORMS.dot};Besök`].join('\n');
  await page.getByTestId('contacts-file').setInputFiles(file('kontakter.csv', log, 'text/csv'));
  await page.waitForTimeout(1500);
  await page.getByRole('tab', { name: 'Fördelning' }).click();
  const patients = ['Patientnyckel;Ålder;Prioriterad', `${FORMS.plain};80;multisjuk`, 'P2;45;'].join('\n');
  const picker = page.getByLabel('Välj patientlista …');
  if (await picker.count()) {
    await picker.setInputFiles(file('patienter.csv', patients, 'text/csv'));
    await page.waitForTimeout(1500);
  }

  // Nothing of any of it is stored, in any form.
  const stored = await everythingStored(page);
  expect(stored.length).toBeGreaterThan(50);
  const hits = stored.flatMap((s) => findPersonnummer(s).map((m) => s.slice(Math.max(0, m.start - 20), m.end + 5)));
  expect(hits).toEqual([]);
  // The screen never showed one unmasked either.
  expect(findPersonnummer(await page.locator('body').innerText())).toEqual([]);
  expect(errors).toEqual([]);
});

test('a workbook import shows no personnummer in its messages', async ({ page }) => {
  await go(page, 'enhet');
  const ws = XLSX.utils.aoa_to_sheet([['Namn', 'Kategori', 'Tjänstgöringsgrad'], [`Eva ${FORMS.dash}`, 'specialist', 'heltid 121212-1212']]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Läkare');
  await page.getByTestId('io-import-input').setInputFiles(file('egen.xlsx', Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' })), XLSX_MIME));
  await expect(page.getByRole('alert').first()).toBeVisible();
  expect(findPersonnummer(await page.locator('body').innerText())).toEqual([]);
});
