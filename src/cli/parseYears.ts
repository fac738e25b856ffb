import { InvalidArgumentError } from 'commander';

/** The most years a table may be asked to show: a column each, a table of more would not fit a page. */
export const MAX_TABLE_YEARS = 12;

/**
 * Parses `--years`: calendar years and spans separated by commas, `2027,2028,2035` or `2026..2030`, into
 * ascending distinct years; the scenario's own years are checked once it is loaded (`yearsProblem`).
 */
export function parseYears(text: string): number[] {
  const years = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^\s*(\d{4})\s*(?:\.\.\s*(\d{4})\s*)?$/.exec(part);
    if (m === null) throw new InvalidArgumentError(`expected years such as 2030, 2026..2030 or 2027,2028,2035 (got '${text}')`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) throw new InvalidArgumentError(`the span ${part.trim()} ends before it starts; expected first..last`);
    if (to - from >= MAX_TABLE_YEARS) throw new InvalidArgumentError(`the table shows at most ${MAX_TABLE_YEARS} years (got ${part.trim()}); every year is in --format csv or json`);
    for (let y = from; y <= to; y++) years.add(y);
  }
  if (years.size > MAX_TABLE_YEARS) throw new InvalidArgumentError(`the table shows at most ${MAX_TABLE_YEARS} years (got ${years.size}); every year is in --format csv or json`);
  return [...years].sort((a, b) => a - b);
}

/** Why the years asked for cannot be shown for a scenario or a format, or undefined when they can. */
export function yearsProblem(years: readonly number[] | undefined, scenarioYears: readonly number[], format: string): string | undefined {
  if (years === undefined) return undefined;
  if (format !== 'table') return `--years chooses the table's columns; --format ${format} holds every year already`;
  const outside = years.filter((y) => !scenarioYears.includes(y));
  if (outside.length > 0) return `--years ${outside.join(', ')}: outside the scenario's years ${scenarioYears[0]}-${scenarioYears[scenarioYears.length - 1]}`;
  return undefined;
}

/** Parses a chart's `--years`: a span `2010..2040`, first and last year drawn. */
export function parseYearSpan(text: string): [number, number] {
  const m = /^\s*(\d{4})\s*\.\.\s*(\d{4})\s*$/.exec(text);
  if (m === null) throw new InvalidArgumentError(`expected a span of years such as 2010..2040 (got '${text}')`);
  const from = Number(m[1]);
  const to = Number(m[2]);
  if (to <= from) throw new InvalidArgumentError(`the span ${text.trim()} must end after it starts; expected first..last, such as 2010..2040`);
  return [from, to];
}
