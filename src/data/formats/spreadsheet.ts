// Chunk: CSV files and Excel workbooks (.xlsx, .xls), read with SheetJS into a table, then into
// features by table.ts. A CSV is read as text (UTF-8, a BOM, UTF-16 or GBK, as decode.ts reads
// JSON) with every cell as the text it is (SheetJS `raw`), so a code's leading zeros stay; a
// workbook's cells keep their types (numbers, text, booleans), dates written as ISO dates.
import { read, SSF, utils, type CellObject, type WorkSheet } from 'xlsx';
import { readText } from '../decode.js';
import { withReason } from '../issue-messages.js';
import type { DataIssue } from '../types.js';
import type { FormatResult, ReaderContext } from './index.js';
import { csvValue, findGeometryColumns, tableToFeatures, type Cell, type Table } from './table.js';

/** How many rows from the top may stand above the header (a title, a date line). */
const HEADER_SEARCH = 10;

/** A sheet's cells as rows, the header row being the first that names position columns. */
function sheetTable(
  sheet: WorkSheet,
  value: (cell: CellObject) => Cell,
  name?: string,
): Table | undefined {
  const ref = sheet['!ref'];
  if (!ref) return undefined;
  const range = utils.decode_range(ref);
  const rows: { number: number; cells: Cell[] }[] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const cells: Cell[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) {
      const cell = sheet[utils.encode_cell({ r, c })] as CellObject | undefined;
      cells.push(cell ? value(cell) : undefined);
    }
    while (cells.length > 0 && isBlank(cells[cells.length - 1])) cells.pop();
    rows.push({ number: r + 1, cells });
  }
  const filled = rows.filter((row) => row.cells.length > 0);
  if (filled.length === 0) return undefined;
  const placed = filled
    .slice(0, HEADER_SEARCH)
    .find((row) => Object.keys(findGeometryColumns(row.cells)).length > 0);
  const header = placed ?? (filled[0] as (typeof filled)[number]);
  return {
    header: header.cells,
    rows: rows.filter((row) => row.number > header.number),
    ...(name === undefined ? {} : { sheet: name }),
  };
}

function isBlank(cell: Cell): boolean {
  return cell === undefined || cell === null || cell === '';
}

/** A workbook cell's value: numbers, text and booleans as they are, a date as an ISO date. */
function workbookValue(cell: CellObject): Cell {
  switch (cell.t) {
    case 'n':
      if (typeof cell.v === 'number' && cell.z !== undefined && SSF.is_date(cell.z)) {
        const format = Number.isInteger(cell.v) ? 'yyyy-mm-dd' : 'yyyy-mm-dd"T"hh:mm:ss';
        return SSF.format(format, cell.v);
      }
      return typeof cell.v === 'number' ? cell.v : undefined;
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'b':
      return Boolean(cell.v);
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString() : String(cell.v ?? '');
    case 'e':
      return cell.w ?? undefined;
    default:
      return undefined;
  }
}

function csvCell(cell: CellObject): Cell {
  return typeof cell.v === 'string' ? csvValue(cell.v) : (cell.v as Cell);
}

function fromTable(table: Table | undefined, format: 'csv' | 'xlsx' | 'xls', notes: DataIssue[]) {
  if (!table) {
    return {
      ok: true as const,
      json: { type: 'FeatureCollection', features: [] },
      issues: [
        ...notes,
        withReason({ path: '', code: 'table-no-rows', severity: 'warning', params: {} }),
      ],
      format,
    };
  }
  const read = tableToFeatures(table);
  if (!read.ok) return { ok: false as const, issue: read.issue, issues: notes, format };
  return {
    ok: true as const,
    json: read.result.json,
    issues: [...notes, ...read.result.issues],
    format,
  };
}

/** A CSV (or tab- or semicolon-separated) file. */
export function readCsv(bytes: Uint8Array): FormatResult {
  const text = readText(bytes);
  if (text.kind === 'unknown') {
    const issue = withReason({ path: '', code: 'unknown-encoding', severity: 'error', params: {} });
    return { ok: false, issue, issues: [], format: 'csv' };
  }
  // Excel's "CSV UTF-8" writes a BOM: for a CSV it is no cause for a notice.
  const notes: DataIssue[] =
    text.note && text.note.code !== 'utf8-bom'
      ? [
          withReason({
            path: '',
            code: text.note.code,
            severity: 'warning',
            params: text.note.params,
          }),
        ]
      : [];
  if (text.text.trim() === '') {
    const issue = withReason({ path: '', code: 'empty-file', severity: 'error', params: {} });
    return { ok: false, issue, issues: notes, format: 'csv' };
  }
  const book = read(text.text, { type: 'string', raw: true, dense: false });
  const name = book.SheetNames[0];
  const sheet = name === undefined ? undefined : book.Sheets[name];
  return fromTable(sheet ? sheetTable(sheet, csvCell) : undefined, 'csv', notes);
}

/** An Excel workbook: the first sheet whose header names position columns (else the first). */
export function readWorkbook(bytes: Uint8Array, context: ReaderContext): FormatResult {
  const format = /\.xls$/i.test(context.name.replace(/[?#].*$/s, '')) ? 'xls' : 'xlsx';
  const book = read(bytes, { type: 'array', cellNF: true, cellDates: false, dense: false });
  const tables = book.SheetNames.map((name) => {
    const sheet = book.Sheets[name];
    return sheet ? sheetTable(sheet, workbookValue, name) : undefined;
  });
  const placed = tables.find(
    (table) => table !== undefined && Object.keys(findGeometryColumns(table.header)).length > 0,
  );
  return fromTable(placed ?? tables.find((table) => table !== undefined), format, []);
}
