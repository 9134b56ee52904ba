// What the best peers weigh, in the built app (issue 16): a per-patient listing gives each list an age index and
// a suggested care weight beside the one in use; adopting it for one doctor is one step that changes the
// doctor's capacity, and undo brings everything back.
import { computePlan, createDemoPlan, fmt } from '../../src/lib/engine/index';
import { importListing } from '../../src/lib/io/index';
import { withListingAges } from '../../src/lib/state/listingAges';
import { test, expect, waitForApp, scanAxe } from './support';

/** One row per patient: pseudonymous key, doctor, age, sex; each list with its own age range. */
function listingCsv(): string {
  const lists: [string, number, number, number][] = [
    ['Anna Lindqvist', 950, 30, 80], ['Erik Johansson', 1150, 40, 85], ['Sara Nilsson', 450, 20, 50], ['Karin Berg', 780, 0, 17],
    ['Lars Holm', 300, 70, 95], ['Maria Ek', 520, 25, 70], ['Johan Wikström', 1500, 18, 80], ['Ahmed Karimi', 450, 20, 60],
  ];
  const rows = ['Patientnyckel;Läkare;Ålder;Kön'];
  let k = 0;
  for (const [name, n, lo, hi] of lists) for (let i = 0; i < n; i++) rows.push(`p${++k};${name};${lo + ((i * 7) % (hi - lo + 1))};${i % 2 ? 'K' : 'M'}`);
  return rows.join('\r\n');
}

test('a per-patient listing suggests a care weight for each list; adopting it for one doctor is one step, and undo restores it', async ({ page, externalRequests }) => {
  const csv = listingCsv();
  // The figures the page must show, from the same engine in Node.
  const demo = createDemoPlan();
  const listing = importListing(new TextEncoder().encode(csv), undefined, demo);
  if (!listing.ok) throw new Error('listing');
  const today = new Date().toISOString().slice(0, 10);
  const withAges = withListingAges(listing.plan!, listing, today);
  const before = computePlan(withAges, { today });
  const anna = before.doctors.find((d) => d.id === 'd1')!;
  const suggested = anna.careWeightSuggested!;
  expect(suggested).not.toBe(anna.careWeight);
  const after = computePlan({ ...withAges, doctors: withAges.doctors.map((d) => (d.id === 'd1' ? { ...d, careWeight: suggested } : d)) }, { today });
  const capacityAfter = after.doctors.find((d) => d.id === 'd1')!.capacity;

  await page.goto('./#/enhet');
  await waitForApp(page);
  await page.getByTestId('io-import-listing-input').setInputFiles({ name: 'listning.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const dialog = page.getByTestId('io-listing-dialog');
  await dialog.getByTestId('io-listing-run').click();
  await dialog.getByTestId('io-listing-apply').click();
  await expect(dialog).toBeHidden();

  // The unit's own index beside its care weight, and every list's suggestion beside the care weight in use.
  await expect(page.getByTestId('unit-care-weight-suggestion')).toContainText(fmt.careWeight(before.unit.ageIndex!));
  const table = page.getByTestId('doctor-care-weights');
  const row = table.getByRole('row', { name: /Anna Lindqvist/ });
  await expect(row).toContainText(fmt.careWeight(anna.careWeight));
  await expect(row).toContainText(fmt.careWeight(anna.ageIndex!));
  await expect(row).toContainText(fmt.careWeight(suggested));
  await scanAxe(page);

  // Its explanation names the chain and says the model is this tool's.
  await row.getByRole('button', { name: new RegExp(`^${fmt.careWeight(suggested)} ?,`) }).click();
  const explanation = page.getByRole('dialog');
  await expect(explanation).toContainText(`${fmt.careWeight(before.unit.used!.careWeight)} × ${fmt.careWeight(anna.ageIndex!)} ÷ ${fmt.careWeight(before.unit.ageIndex!)} = ${fmt.careWeight(suggested)}`);
  await expect(explanation).toContainText('ingen publicerad svensk formel');
  await page.keyboard.press('Escape');

  // Adopt for one doctor: one step.
  await row.getByTestId('adopt-d1').click();
  await expect(row).toContainText('Åldersindex ur listningen');
  await expect(row).toContainText('Används redan');
  await expect(row.getByTestId('adopt-d1')).toHaveCount(0);
  // The other lists keep theirs.
  await expect(table.getByRole('row', { name: /Erik Johansson/ })).toContainText('1,10');
  const capacityCell = page.locator('[role="grid"] [data-row-key="d1"][data-col="capacityGuideline"]');
  await page.getByRole('link', { name: 'Läkare', exact: true }).click();
  await expect(capacityCell).toHaveText(fmt.patients(capacityAfter));

  // Undo: the care weight in use and the capacity are back; the suggestion can be adopted again.
  await page.getByRole('button', { name: /Ångra/ }).click();
  await expect(capacityCell).toHaveText(fmt.patients(anna.capacity));
  await page.getByRole('link', { name: 'Enhet', exact: true }).click();
  const row2 = page.getByTestId('doctor-care-weights').getByRole('row', { name: /Anna Lindqvist/ });
  await expect(row2).toContainText(fmt.careWeight(anna.careWeight));
  await expect(row2.getByTestId('adopt-d1')).toBeVisible();
  await expect(row2).not.toContainText('Åldersindex ur listningen');
  expect(externalRequests).toEqual([]);
});
