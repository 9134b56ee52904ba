/**
 * Workbooks a manager accepts (issue 13): bold, filled, wrapped and frozen header rows, a frozen name
 * column, widths that fit the headers, keys the importer needs in hidden columns, landscape
 * fit-to-width print setup with the header row repeated and page numbers in the footer.
 *
 * Why a zip patch and not another writer: SheetJS CE (the audited @e965/xlsx 0.20.3 the project
 * already ships) writes number formats but neither cell styles nor page setup; the maintained writers
 * that do (ExcelJS, xlsx-populate) are each several times SheetJS's size, would be a second xlsx code
 * path next to the importer's, and ExcelJS is not actively released. The parts we need are small and
 * fixed — a few fonts, fills and cell formats in styles.xml, `s` attributes on chosen cells, a pane,
 * `<pageSetup>` and a print-titles name — so they are written here, after SheetJS, through the zip
 * patcher that already adds `<calcPr>` (io/zip.ts). Every cell keeps its number format: a styled
 * cell's format is a copy of its own with the style's font, fill and alignment added.
 */
import * as XLSX from 'xlsx';
import { WORKBOOK_PRINT } from '../../strings/lakardel.sv';
import { patchZip } from '../zip';

/** The looks a cell can be given. */
export type CellLook = 'header' | 'bold' | 'title' | 'input' | 'wrap' | 'top';

export interface SheetStyle {
  name: string;
  /** 1-based rows styled as a header (bold, filled, bottom border, wrapped). */
  headerRows?: number[];
  /** Cells by A1 reference with a look of their own (e.g. a section heading, an input cell). */
  cells?: Record<string, CellLook>;
  /** 0-based columns whose cells below the header wrap their text (notes, messages); rows grow to fit. */
  wrapCols?: number[];
  /** Frozen rows at the top and columns at the left (the header row, the name column). */
  freeze?: { rows: number; cols: number };
  /** 0-based columns hidden from view (keys the importer needs, no user reads). */
  hiddenCols?: number[];
  /**
   * 0-based column ranges grouped as an outline (the +/− above the columns in Excel and LibreOffice),
   * collapsed: steps of a calculation a reader can open, left out of the printed page.
   */
  groupCols?: { from: number; to: number; collapsed: boolean }[];
  /** Landscape, one page wide (as many pages tall as it takes), rows 1…n repeated on every page. */
  print?: { landscape: boolean; repeatRows?: number };
}

export interface FinishOptions {
  /** Ask Excel/LibreOffice to recalculate every formula on open (SheetJS CE writes no calcPr). */
  fullCalcOnLoad?: boolean;
}

// ---------------------------------------------------------------- widths (before SheetJS writes)

/** Display length of a cell's value as the spreadsheet shows it (roughly: numbers get their grouping). */
function shownLength(cell: XLSX.CellObject | undefined): number {
  if (!cell || cell.v === undefined || cell.v === null) return 0;
  if (typeof cell.v === 'number') {
    const s = String(Math.round(Math.abs(cell.v) * 10) / 10);
    const digits = s.split('.')[0].length;
    return s.length + Math.floor((digits - 1) / 3) + (typeof cell.z === 'string' && cell.z.includes('%') ? 2 : 0);
  }
  return String(cell.v).length;
}

/** Lines a text takes when wrapped at word boundaries into `width` characters. */
export function wrapLines(text: string, width: number): number {
  const w = Math.max(1, Math.floor(width));
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    let line = 0;
    lines++;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const len = word.length;
      if (line === 0) line = len;
      else if (line + 1 + len <= w) line += 1 + len;
      else {
        lines++;
        line = len;
      }
      while (line > w) {
        lines++;
        line -= w;
      }
    }
  }
  return Math.max(1, lines);
}

/** Points per line of the default 12 pt type (what Excel and LibreOffice use for a row of one line). */
const LINE_PT = 15.5;

/**
 * Before SheetJS writes a sheet: column widths (characters) that fit each header — its longest word on
 * one line, the header wrapped onto at most three — and the longest value below it (wrapped columns
 * excepted), between `min` and `max`; and row heights for the rows whose header or wrapped text takes
 * more than one line (LibreOffice does not grow them by itself when it opens an xlsx).
 */
export function prepareSheet(ws: XLSX.WorkSheet, spec: SheetStyle | undefined, opts: { min?: number; max?: number; wrapWidth?: number } = {}): XLSX.WorkSheet {
  const ref = ws['!ref'];
  if (!ref) return ws;
  const range = XLSX.utils.decode_range(ref);
  const headerRows = new Set((spec?.headerRows ?? [1]).map((r) => r - 1));
  const wrapCols = new Set(spec?.wrapCols ?? []);
  const min = opts.min ?? 6;
  const max = opts.max ?? 48;
  const cols = [...(ws['!cols'] ?? [])];
  const cell = (r: number, c: number) => ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
  for (let c = range.s.c; c <= range.e.c; c++) {
    let want = min;
    for (let r = range.s.r; r <= range.e.r; r++) {
      const x = cell(r, c);
      if (headerRows.has(r) && x && typeof x.v === 'string') {
        const longest = Math.max(...x.v.split(/\s+/).map((w) => w.length));
        want = Math.max(want, longest + 2, Math.ceil(x.v.length / 3) + 2);
      } else if (!headerRows.has(r) && !(wrapCols.has(c) && x?.t === 's')) {
        want = Math.max(want, shownLength(x) + 2);
      }
    }
    cols[c] = { ...(cols[c] ?? {}), wch: wrapCols.has(c) ? Math.max(want, opts.wrapWidth ?? 50) : Math.min(max, want) };
  }
  ws['!cols'] = cols;
  const rows = [...(ws['!rows'] ?? [])];
  for (let r = range.s.r; r <= range.e.r; r++) {
    let lines = 1;
    for (let c = range.s.c; c <= range.e.c; c++) {
      const x = cell(r, c);
      if (!x || typeof x.v !== 'string' || !(headerRows.has(r) || wrapCols.has(c))) continue;
      lines = Math.max(lines, wrapLines(x.v, (cols[c]?.wch ?? 10) - 1));
    }
    if (lines > 1) rows[r] = { ...(rows[r] ?? {}), hpt: Math.round(lines * LINE_PT) };
  }
  ws['!rows'] = rows;
  return ws;
}

// ---------------------------------------------------------------- styles.xml

const LOOKS: Record<CellLook, { font?: string; fill?: string; border?: string; alignment?: string }> = {
  header: {
    font: '<font><b/><sz val="11"/><color rgb="FF1B1B1B"/><name val="Calibri"/><family val="2"/></font>',
    fill: '<fill><patternFill patternType="solid"><fgColor rgb="FFDCE6F1"/><bgColor indexed="64"/></patternFill></fill>',
    border: '<border><left/><right/><top/><bottom style="thin"><color rgb="FF1F4E79"/></bottom><diagonal/></border>',
    alignment: '<alignment wrapText="1" vertical="bottom"/>',
  },
  bold: { font: '<font><b/><sz val="12"/><color theme="1"/><name val="Calibri"/><family val="2"/></font>' },
  title: { font: '<font><b/><sz val="14"/><color rgb="FF1F4E79"/><name val="Calibri"/><family val="2"/></font>' },
  input: {
    fill: '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill>',
    border: '<border><left style="thin"><color rgb="FFB7A57A"/></left><right style="thin"><color rgb="FFB7A57A"/></right><top style="thin"><color rgb="FFB7A57A"/></top><bottom style="thin"><color rgb="FFB7A57A"/></bottom><diagonal/></border>',
  },
  wrap: { alignment: '<alignment wrapText="1" vertical="top"/>' },
  top: { alignment: '<alignment vertical="top"/>' },
};

/** Adds a child to a counted list element (`<fonts count="n">…</fonts>`); returns its index. */
function appendTo(xml: { s: string }, tag: string, child: string): number {
  const re = new RegExp(`<${tag} count="(\\d+)">([\\s\\S]*?)</${tag}>`);
  const m = re.exec(xml.s);
  if (!m) {
    // No such list (SheetJS always writes them; be safe anyway): create it before cellStyleXfs.
    xml.s = xml.s.replace(/<cellStyleXfs/, `<${tag} count="1">${child}</${tag}><cellStyleXfs`);
    return 0;
  }
  const n = Number(m[1]);
  xml.s = xml.s.replace(re, `<${tag} count="${n + 1}">${m[2]}${child}</${tag}>`);
  return n;
}

class Styles {
  #xml: { s: string };
  #xfs: string[];
  #parts = new Map<string, number>();
  #variants = new Map<string, number>();

  constructor(xml: string) {
    this.#xml = { s: xml };
    const m = /<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/.exec(xml);
    this.#xfs = m ? (m[1].match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g) ?? []) : [];
  }

  #part(tag: 'fonts' | 'fills' | 'borders', child: string): number {
    const key = `${tag}|${child}`;
    let i = this.#parts.get(key);
    if (i === undefined) {
      i = appendTo(this.#xml, tag, child);
      this.#parts.set(key, i);
    }
    return i;
  }

  /** Index of the cell format that is `base` (its number format kept) with `look` added. */
  variant(base: number, look: CellLook): number {
    const key = `${base}|${look}`;
    const known = this.#variants.get(key);
    if (known !== undefined) return known;
    const src = this.#xfs[base] ?? this.#xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const attr = (name: string, fallback: string) => new RegExp(`${name}="(\\d+)"`).exec(src)?.[1] ?? fallback;
    const L = LOOKS[look];
    const fontId = L.font ? this.#part('fonts', L.font) : Number(attr('fontId', '0'));
    const fillId = L.fill ? this.#part('fills', L.fill) : Number(attr('fillId', '0'));
    const borderId = L.border ? this.#part('borders', L.border) : Number(attr('borderId', '0'));
    const numFmtId = attr('numFmtId', '0');
    const applies = [
      numFmtId !== '0' ? ' applyNumberFormat="1"' : '',
      L.font ? ' applyFont="1"' : '',
      L.fill ? ' applyFill="1"' : '',
      L.border ? ' applyBorder="1"' : '',
      L.alignment ? ' applyAlignment="1"' : '',
    ].join('');
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}${L.alignment ? `>${L.alignment}</xf>` : '/>'}`;
    const index = this.#xfs.length;
    this.#xfs.push(xf);
    this.#variants.set(key, index);
    return index;
  }

  toXml(): string {
    return this.#xml.s.replace(/<cellXfs count="\d+">[\s\S]*?<\/cellXfs>/, `<cellXfs count="${this.#xfs.length}">${this.#xfs.join('')}</cellXfs>`);
  }
}

// ---------------------------------------------------------------- worksheets

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function colLetters(c: number): string {
  return XLSX.utils.encode_col(c);
}

/** The `<sheetView>` with frozen rows/columns (and nothing else selected than the first free cell). */
function frozenView(rows: number, cols: number): string {
  const top = `${colLetters(cols)}${rows + 1}`;
  const pane = cols > 0 && rows > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const split = `${cols > 0 ? ` xSplit="${cols}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}`;
  return `<sheetView workbookViewId="0"><pane${split} topLeftCell="${top}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${top}" sqref="${top}"/></sheetView>`;
}

function styleSheet(xml: string, spec: SheetStyle, styles: Styles): string {
  let out = xml;
  // Cells: the header rows and the chosen cells get their look on top of their own number format.
  const headers = new Set(spec.headerRows ?? []);
  const firstBody = Math.max(0, ...headers) + 1;
  const wraps = new Set((spec.wrapCols ?? []).map((c) => colLetters(c)));
  out = out.replace(/<c r="([A-Z]+)(\d+)"([^>]*?)(\/?)>/g, (whole, col: string, row: string, attrs: string, selfClose: string) => {
    const ref = `${col}${row}`;
    const look: CellLook | undefined =
      spec.cells?.[ref] ??
      (headers.has(Number(row)) ? 'header' : Number(row) < firstBody || wraps.size === 0 ? undefined : wraps.has(col) ? 'wrap' : 'top');
    if (!look) return whole;
    const s = /\ss="(\d+)"/.exec(attrs);
    const next = styles.variant(s ? Number(s[1]) : 0, look);
    const rest = s ? attrs.replace(/\ss="\d+"/, '') : attrs;
    return `<c r="${ref}" s="${next}"${rest}${selfClose}>`;
  });
  // Hidden columns.
  for (const c of spec.hiddenCols ?? []) {
    const n = c + 1;
    const re = new RegExp(`<col min="${n}" max="${n}"([^>]*?)/>`);
    if (re.test(out)) out = out.replace(re, (_w, a: string) => `<col min="${n}" max="${n}"${a.replace(/\shidden="[^"]*"/g, '')} hidden="1"/>`);
    else if (out.includes('<cols>')) out = out.replace('</cols>', `<col min="${n}" max="${n}" width="0" hidden="1" customWidth="1"/></cols>`);
    else out = out.replace('<sheetData', `<cols><col min="${n}" max="${n}" width="0" hidden="1" customWidth="1"/></cols><sheetData`);
  }
  // Column outline groups.
  for (const g of spec.groupCols ?? []) {
    for (let c = g.from; c <= g.to + (g.collapsed ? 1 : 0); c++) {
      const n = c + 1;
      const extra = c <= g.to ? ` outlineLevel="1"${g.collapsed ? ' hidden="1"' : ''}` : ' collapsed="1"';
      const re = new RegExp(`<col min="${n}" max="${n}"([^>]*?)/>`);
      if (re.test(out)) out = out.replace(re, (_w, a: string) => `<col min="${n}" max="${n}"${a.replace(/\s(hidden|outlineLevel|collapsed)="[^"]*"/g, '')}${extra}/>`);
    }
  }
  if (spec.groupCols?.length) {
    const fmt = '<sheetFormatPr defaultRowHeight="15" outlineLevelCol="1"/>';
    if (/<sheetFormatPr\b[^>]*\/>/.test(out)) out = out.replace(/<sheetFormatPr\b([^>]*?)\s*\/>/, (_w, a: string) => `<sheetFormatPr${a.replace(/\soutlineLevelCol="\d"/, '')} outlineLevelCol="1"/>`);
    else out = out.replace(/<cols>/, `${fmt}<cols>`);
  }
  // Frozen panes (replacing the plain view SheetJS writes).
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.cols > 0)) {
    const view = frozenView(spec.freeze.rows, spec.freeze.cols);
    if (/<sheetView\b[^>]*\/>/.test(out)) out = out.replace(/<sheetView\b[^>]*\/>/, view);
    else if (/<sheetView\b[\s\S]*?<\/sheetView>/.test(out)) out = out.replace(/<sheetView\b[\s\S]*?<\/sheetView>/, view);
    else out = out.replace(/(<dimension[^>]*\/>)/, `$1<sheetViews>${view}</sheetViews>`);
  }
  // Print: fit to one page wide, landscape, footer with the sheet's name and page numbers. The order
  // of a worksheet's children is fixed (ECMA-376 CT_Worksheet): sheetPr first; pageMargins,
  // pageSetup, headerFooter before ignoredErrors and drawings.
  if (spec.print) {
    const pr = '<pageSetUpPr fitToPage="1"/>';
    if (/<sheetPr\b[^>]*\/>/.test(out)) out = out.replace(/<sheetPr\b([^>]*)\/>/, `<sheetPr$1>${pr}</sheetPr>`);
    else if (/<sheetPr\b[^>]*>/.test(out)) out = out.replace(/<sheetPr\b([^>]*)>/, `<sheetPr$1>${pr}`);
    else out = out.replace(/(<worksheet\b[^>]*>)/, `$1<sheetPr>${pr}</sheetPr>`);
    out = out.replace(/<pageMargins\b[^>]*\/>|<pageSetup\b[^>]*\/>|<headerFooter\b[\s\S]*?<\/headerFooter>/g, '');
    const footer = `&amp;L&amp;A&amp;R${escapeXml(WORKBOOK_PRINT.pageOf('&P', '&N')).replace(/&amp;amp;/g, '&amp;')}`;
    const setup =
      '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>' +
      `<pageSetup paperSize="9" orientation="${spec.print.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>` +
      `<headerFooter><oddFooter>${footer}</oddFooter></headerFooter>`;
    const before = /<(rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(out);
    out = before ? out.slice(0, before.index) + setup + out.slice(before.index) : out.replace('</worksheet>', `${setup}</worksheet>`);
  }
  return out;
}

/** The print-titles names (`_xlnm.Print_Titles`) of the sheets that repeat their header rows. */
function printTitles(sheetNames: string[], specs: SheetStyle[]): string {
  const names = specs
    .filter((s) => s.print?.repeatRows && sheetNames.includes(s.name))
    .map((s) => {
      const i = sheetNames.indexOf(s.name);
      const rows = s.print!.repeatRows!;
      return `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${escapeXml(s.name.replace(/'/g, "''"))}'!$1:$${rows}</definedName>`;
    });
  return names.length ? `<definedNames>${names.join('')}</definedNames>` : '';
}

/** What SheetJS writes when no cell has a number format (styles.xml is always in its output). */
const EMPTY_STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="12"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

/**
 * The last step of writing a workbook: styles, panes, hidden columns, print setup and (optionally)
 * full recalculation on open, patched into the xlsx SheetJS wrote. `sheetNames` in workbook order.
 */
export function finishWorkbook(bytes: Uint8Array, sheetNames: string[], specs: SheetStyle[], opts: FinishOptions = {}): Uint8Array {
  const byIndex = new Map<number, SheetStyle>();
  for (const s of specs) {
    const i = sheetNames.indexOf(s.name);
    if (i >= 0) byIndex.set(i + 1, s);
  }
  let styles: Styles | null = null;
  return patchZip(bytes, (path, xml) => {
    if (path === 'xl/styles.xml') {
      styles = new Styles(xml);
      return null;
    }
    if (path === 'xl/workbook.xml') {
      let out = xml;
      const titles = printTitles(sheetNames, specs);
      if (titles) out = out.replace(/<definedNames>[\s\S]*?<\/definedNames>/, '').replace('</sheets>', `</sheets>${titles}`);
      if (opts.fullCalcOnLoad && !/<calcPr\b/.test(out)) out = out.replace('</workbook>', '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>');
      return out;
    }
    const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(path);
    if (m) {
      const spec = byIndex.get(Number(m[1]));
      if (!spec) return null;
      styles ??= new Styles(EMPTY_STYLES);
      return styleSheet(xml, spec, styles);
    }
    return null;
  }, (path) => (path === 'xl/styles.xml' && styles ? (styles as Styles).toXml() : null));
}
