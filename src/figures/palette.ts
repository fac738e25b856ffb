/**
 * The colours and dashes of the scenarios a chart draws, in order: Okabe and Ito's colour-blind-safe
 * palette, picked so that neighbours also differ in lightness (they stay apart in greyscale), and each
 * median also has its own dash, so a printout in black and white still tells them apart.
 */
export const SCENARIO_STYLES: readonly { readonly colour: string; readonly dash: readonly number[] }[] = [
  { colour: '#0072B2', dash: [] },
  { colour: '#D55E00', dash: [6, 3] },
  { colour: '#009E73', dash: [2, 2] },
  { colour: '#CC79A7', dash: [8, 2, 2, 2] },
  { colour: '#E69F00', dash: [1, 3] },
  { colour: '#56B4E9', dash: [10, 4] },
];

/** The style of the i-th scenario of a chart (the palette repeats past its end, with the same dashes). */
export function scenarioStyle(i: number): (typeof SCENARIO_STYLES)[number] {
  return SCENARIO_STYLES[i % SCENARIO_STYLES.length];
}

/** The grey of a chart's text and rules: dark enough on white for WCAG AA. */
export const INK = '#333333';

/** The font the charts ask for, with fallbacks a reader's machine is likely to have. */
export const FONT = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';
