/** What a piece of the screen shows, so the view can colour it (or not, under NO_COLOR). */
export type Tone =
  | 'plain'
  | 'dim'
  | 'axis'
  | 'outer'
  | 'inner'
  | 'median'
  | 'altEdge'
  | 'altMedian'
  | 'zero'
  | 'cursor'
  | 'highlight'
  | 'on'
  | 'level'
  | 'event';

/** One character cell of a drawing. */
export interface Cell {
  readonly ch: string;
  readonly tone: Tone;
}

/** A run of text in one tone. */
export interface Segment {
  readonly text: string;
  readonly tone: Tone;
}

/** One line of a drawing: runs of text, each in one tone. */
export type Line = readonly Segment[];

/** Joins cells into segments, one per run of equal tone, so a view draws few text nodes. */
export function joinCells(cells: readonly Cell[]): Segment[] {
  const out: Segment[] = [];
  for (const c of cells) {
    const last = out[out.length - 1];
    if (last && last.tone === c.tone) out[out.length - 1] = { text: last.text + c.ch, tone: c.tone };
    else out.push({ text: c.ch, tone: c.tone });
  }
  return out;
}

/** The plain text of a line, as a terminal without colour shows it. */
export function lineText(line: Line): string {
  return line.map((s) => s.text).join('');
}
