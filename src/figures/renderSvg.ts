import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { escapeXml } from './escapeXml.js';

/** What a chart says of itself to a screen reader: a short title and a longer description. */
export interface ChartText {
  readonly title: string;
  readonly desc: string;
}

/**
 * Renders a Vega-Lite spec to SVG with Vega's own renderer (no browser, no canvas: text stays text), then
 * gives the drawing a `<title>` and `<desc>` and the role of an image labelled by them, for screen readers.
 * Pure of files and the clock: the same spec gives the same SVG. Vega's warnings (a spec it had to mend) go
 * to `onWarning`.
 */
export async function renderSvg(spec: TopLevelSpec, text: ChartText, onWarning: (message: string) => void = () => {}): Promise<string> {
  // Vega's warnings go to the caller (tests fail on any), not to the console a command's output shares.
  const logger = vega.logger(vega.Warn, 'warn', (_method, _level, args) => onWarning(args.map(String).join(' ')));
  const view = new vega.View(vega.parse(compile(spec, { logger }).spec), { renderer: 'none', logger });
  try {
    const svg = await view.toSVG();
    const open = svg.indexOf('>', svg.indexOf('<svg'));
    const head = svg.slice(0, open).replace('<svg ', '<svg role="img" aria-labelledby="chart-title chart-desc" ');
    return `${head}><title id="chart-title">${escapeXml(text.title)}</title><desc id="chart-desc">${escapeXml(text.desc)}</desc>${svg.slice(open + 1)}\n`;
  } finally {
    view.finalize();
  }
}
