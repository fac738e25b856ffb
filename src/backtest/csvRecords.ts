import type { Diagnostic, Result } from '../scenario/diagnostic.js';

/** One CSV field with where it starts in the file (line and column count from 1). */
export interface CsvField {
  readonly text: string;
  readonly line: number;
  readonly col: number;
}

/** One CSV record: its fields, and the line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly CsvField[];
}

/**
 * Splits CSV text (RFC 4180: commas, double quotes with `""` inside, LF or CRLF line ends) into records,
 * each field located, skipping blank lines; a malformed quote is a located error, not a guess.
 */
export function csvRecords(text: string, file: string): Result<CsvRecord[]> {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const errors: Diagnostic[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let fields: CsvField[] = [];
  let recordLine = 1;

  const endRecord = () => {
    // A blank line is one empty field: nothing was written there, so it is no record.
    if (!(fields.length === 1 && fields[0].text === '')) records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i <= src.length) {
    const fieldLine = line;
    const fieldCol = i - lineStart + 1;
    let value = '';
    if (src[i] === '"') {
      i++;
      let closed = false;
      while (i < src.length) {
        const ch = src[i];
        if (ch === '"') {
          if (src[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (ch === '\n') {
          line++;
          lineStart = i + 1;
        }
        value += ch;
        i++;
      }
      if (!closed) {
        errors.push({ file, line: fieldLine, col: fieldCol, message: 'a quoted field is never closed: expected a closing "' });
        break;
      }
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\n' && !(next === '\r' && src[i + 1] === '\n')) {
        errors.push({ file, line, col: i - lineStart + 1, message: `unexpected '${next}' after a closing quote: expected a comma or the end of the line` });
        while (i < src.length && src[i] !== ',' && src[i] !== '\n') i++;
      }
    } else {
      const start = i;
      while (i < src.length && src[i] !== ',' && src[i] !== '\n') i++;
      value = src.slice(start, i).replace(/\r$/, '');
      const quote = value.indexOf('"');
      if (quote >= 0) {
        errors.push({ file, line: fieldLine, col: fieldCol + quote, message: 'a quote inside an unquoted field: quote the whole field and double the quote ("")' });
      }
    }
    fields.push({ text: value, line: fieldLine, col: fieldCol });
    if (src[i] === '\r') i++;
    if (i >= src.length) {
      endRecord();
      break;
    }
    if (src[i] === ',') {
      i++;
      continue;
    }
    // A line end closes the record.
    i++;
    line++;
    lineStart = i;
    endRecord();
    recordLine = line;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: records };
}
