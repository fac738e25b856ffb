import type { Key } from 'ink';

/** What a key press asks of the dashboard. */
export type KeyCommand =
  | { readonly type: 'quit' }
  | { readonly type: 'help' }
  | { readonly type: 'closeHelp' }
  | { readonly type: 'metric'; readonly by: number }
  | { readonly type: 'metricAt'; readonly index: number }
  | { readonly type: 'year'; readonly by: number }
  | { readonly type: 'yearAt'; readonly index: 'first' | 'last' }
  | { readonly type: 'lever'; readonly by: number }
  | { readonly type: 'change'; readonly direction: 1 | -1 }
  | { readonly type: 'save' }
  | { readonly type: 'undo' }
  | { readonly type: 'compareView' }
  | { readonly type: 'sensitivity' };

/**
 * The keys, as the help screen and the README list them. Each description fits in 59 columns, a full line of
 * the help box in the smallest terminal (80 wide).
 */
export const KEY_HELP: readonly (readonly [string, string])[] = [
  ['Tab / Shift-Tab', 'next / previous metric'],
  ['1-9, 0', 'pick a metric (the tabs at the top)'],
  ['← / →', 'year cursor (PgUp/PgDn: 5 years, Home/End: first/last)'],
  ['↑ / ↓', 'pick a lever'],
  ['+ / -', 'change the lever from the cursor year on; re-runs at once'],
  ['u', 'undo the last lever change'],
  ['s', 'save the changes to a new <name>-edited.yaml beside it'],
  ['d', 'compare view: both charts, scenarios only, difference only'],
  ['t', 'tornado of the selected metric and year; t again closes it'],
  ['?', 'this help'],
  ['q / Esc', 'quit (Esc first closes this help); Ctrl-C quits at once'],
];

/** Translates a key press into a command, or undefined for a key the dashboard does not use. */
export function keyCommand(input: string, key: Key, helpShown: boolean): KeyCommand | undefined {
  if (input === 'q') return { type: 'quit' };
  if (key.escape) return helpShown ? { type: 'closeHelp' } : { type: 'quit' };
  if (input === '?') return helpShown ? { type: 'closeHelp' } : { type: 'help' };
  if (helpShown) return undefined;
  if (key.tab) return { type: 'metric', by: key.shift ? -1 : 1 };
  if (/^[0-9]$/.test(input)) return { type: 'metricAt', index: input === '0' ? 9 : Number(input) - 1 };
  if (key.leftArrow) return { type: 'year', by: -1 };
  if (key.rightArrow) return { type: 'year', by: 1 };
  if (key.pageUp) return { type: 'year', by: -5 };
  if (key.pageDown) return { type: 'year', by: 5 };
  if (key.home) return { type: 'yearAt', index: 'first' };
  if (key.end) return { type: 'yearAt', index: 'last' };
  if (key.upArrow) return { type: 'lever', by: -1 };
  if (key.downArrow) return { type: 'lever', by: 1 };
  if (input === '+' || input === '=') return { type: 'change', direction: 1 };
  if (input === '-' || input === '_') return { type: 'change', direction: -1 };
  if (input === 's') return { type: 'save' };
  if (input === 'u') return { type: 'undo' };
  if (input === 'd') return { type: 'compareView' };
  if (input === 't') return { type: 'sensitivity' };
  return undefined;
}
