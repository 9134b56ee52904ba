/// <reference types="node" />
/**
 * Test helper: a person editing a workbook in LibreOffice, headless. A Basic macro in a fresh user
 * profile ("Mina makron", which LibreOffice runs without asking) opens the file, writes a number in
 * column B of the row whose hidden key (column D) is `key` — or in a cell given as "B17" — lets
 * LibreOffice recalculate, and saves it as .xlsx again. No Python-UNO or other package is needed:
 * soffice runs the macro itself (`macro:///…`). The output is checked, since soffice exits 0 on failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sofficePath } from './libreoffice';

const MODULE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SetByKey(path As String, sheetName As String, key As String, value As Double)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  Dim url As String
  url = ConvertToURL(path)
  Dim doc As Object
  doc = StarDesktop.loadComponentFromURL(url, &quot;_blank&quot;, 0, args())
  Dim sheet As Object
  sheet = doc.Sheets.getByName(sheetName)
  Dim cell As Object
  If Left(key, 1) = &quot;!&quot; Then
    cell = sheet.getCellRangeByName(Mid(key, 2))
  Else
    Dim r As Long
    For r = 0 To 400
      If sheet.getCellByPosition(3, r).getString() = key Then
        cell = sheet.getCellByPosition(1, r)
        Exit For
      End If
    Next r
  End If
  cell.setValue(value)
  doc.calculateAll()
  Dim out(1) As New com.sun.star.beans.PropertyValue
  out(0).Name = &quot;FilterName&quot;
  out(0).Value = &quot;Calc MS Excel 2007 XML&quot;
  out(1).Name = &quot;Overwrite&quot;
  out(1).Value = True
  doc.storeToURL(url, out())
  doc.close(True)
End Sub
</script:module>
`;

/**
 * Writes `value` into the cell of the row keyed `key` (or `!B17`) on `sheet` of the .xlsx `bytes`
 * with LibreOffice, and returns the saved file.
 */
export function editWithLibreOffice(bytes: Uint8Array, sheet: string, key: string, value: number, timeoutMs = 120_000): Buffer {
  const soffice = sofficePath();
  if (!soffice) throw new Error('soffice not found');
  const dir = mkdtempSync(join(tmpdir(), 'kap-lo-edit-'));
  try {
    const profile = join(dir, 'profile');
    const env = `-env:UserInstallation=file://${profile}`;
    // A first start creates the profile with its Standard library (Module1); the macro replaces Module1.
    spawnSync(soffice, [env, '--headless', '--norestore', '--terminate_after_init'], { encoding: 'utf8', timeout: timeoutMs });
    const module1 = join(profile, 'user', 'basic', 'Standard', 'Module1.xba');
    if (!existsSync(module1)) throw new Error('LibreOffice did not create its user profile');
    writeFileSync(module1, MODULE);
    const file = join(dir, 'lakardel.xlsx');
    writeFileSync(file, bytes);
    const before = statSync(file).mtimeMs;
    const arg = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const macro = `macro:///Standard.Module1.SetByKey(${arg(file)},${arg(sheet)},${arg(key)},${value})`;
    const r = spawnSync(soffice, [env, '--headless', '--norestore', '--nologo', macro], { encoding: 'utf8', timeout: timeoutMs });
    const out = readFileSync(file);
    if (statSync(file).mtimeMs === before && Buffer.compare(out, Buffer.from(bytes)) === 0) {
      throw new Error(`LibreOffice did not save the edited file: ${r.status} ${r.stdout} ${r.stderr}`);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Converts several .xlsx files with one LibreOffice run (recalculating on load: OOXMLRecalcMode 0),
 * returning the converted files in the same order.
 */
export function recalcManyWithLibreOffice(files: Uint8Array[], timeoutMs = 240_000): Buffer[] {
  const soffice = sofficePath();
  if (!soffice) throw new Error('soffice not found');
  const dir = mkdtempSync(join(tmpdir(), 'kap-lo-many-'));
  try {
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(
      join(profile, 'user', 'registrymodifications.xcu'),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
    );
    const inDir = join(dir, 'in');
    const outDir = join(dir, 'out');
    mkdirSync(inDir);
    mkdirSync(outDir);
    const names = files.map((b, i) => {
      const p = join(inDir, `f${String(i).padStart(3, '0')}.xlsx`);
      writeFileSync(p, b);
      return p;
    });
    spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, ...names], { encoding: 'utf8', timeout: timeoutMs });
    return names.map((p) => {
      const out = join(outDir, p.slice(inDir.length + 1));
      if (!existsSync(out)) throw new Error(`LibreOffice produced no output for ${out}`);
      return readFileSync(out);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
