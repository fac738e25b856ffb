import { Resvg } from '@resvg/resvg-js';

/** How a PNG is drawn from a chart's SVG: its width in pixels, and the font files to draw text with. */
export interface PngOptions {
  /** Width of the PNG in pixels; the height keeps the SVG's proportions. Default: twice the SVG's width, for print. */
  readonly width?: number;
  /** Font files (TrueType or OpenType) to use; with none, the system's fonts. */
  readonly fontFiles?: readonly string[];
}

/**
 * Rasterises a chart's SVG to PNG with resvg (a maintained renderer whose binaries come as packages):
 * the same SVG and fonts give the same bytes. With no fonts on the machine the text is missing but the
 * chart is drawn.
 */
export function renderPng(svg: string, options: PngOptions = {}): Uint8Array {
  const fontFiles = options.fontFiles === undefined ? undefined : [...options.fontFiles];
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: options.width === undefined ? { mode: 'zoom', value: 2 } : { mode: 'width', value: options.width },
    font: { loadSystemFonts: fontFiles === undefined, ...(fontFiles && { fontFiles }), defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
