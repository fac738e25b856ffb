import { captionLines, type ChartManifest } from './chartManifest.js';
import { FONT, INK } from './palette.js';

/**
 * What every chart of brigadas shares around its marks: the font and ink, a white background, and a title
 * over a subtitle that says how to read the chart and then the caption of where its numbers come from.
 * `axis` adds to the axes' settings (the fan chart gives its policy strip's long labels more room).
 */
export function chartFrame(title: string, howToRead: readonly string[], manifest: ChartManifest, axis: Readonly<Record<string, unknown>> = {}) {
  return {
    config: { font: FONT, view: { stroke: '#bbbbbb' }, axis: { labelColor: INK, titleColor: INK, gridColor: '#e6e6e6', ...axis }, legend: { labelColor: INK }, title: { color: INK, subtitleColor: INK } },
    background: 'white',
    padding: 12,
    title: { text: title, subtitle: [...howToRead, ...captionLines(manifest)], anchor: 'start', fontSize: 15, subtitleFontSize: 11 },
  };
}
