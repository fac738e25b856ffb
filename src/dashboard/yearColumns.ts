/** Returns the fractional year index a plot column stands for, with the first year at column 0 and the last at width - 1. */
export function columnToYear(x: number, width: number, yearCount: number): number {
  if (width <= 1 || yearCount <= 1) return 0;
  return (x * (yearCount - 1)) / (width - 1);
}

/** Returns the plot column nearest to a (fractional) year index: the inverse of columnToYear. */
export function yearToColumn(index: number, width: number, yearCount: number): number {
  if (width <= 1 || yearCount <= 1) return 0;
  return Math.round((index * (width - 1)) / (yearCount - 1));
}

/** Picks a year step for axis labels (1, 2, 5, 10...) so labels of `labelWidth` characters do not crowd. */
export function yearLabelStep(yearCount: number, width: number, labelWidth = 6): number {
  for (const step of [1, 2, 5, 10, 20, 25, 50, 100]) {
    if ((yearCount / step) * labelWidth <= width) return step;
  }
  return 100;
}
