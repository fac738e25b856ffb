import type { Key } from 'ink';

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** What a key press asks of the dashboard. */
export type KeyCommand =
  | { readonly type: 'quit' }
  /** Ctrl-C: quits at once, unsaved changes or not. */
  | { readonly type: 'interrupt' }
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
  ['q / Esc', 'quit (Esc first closes this help); asks if unsaved'],
  ['Ctrl-C', 'quit at once, without saving'],
];

/** Translates a key press into a command, or undefined for a key the dashboard does not use. */
export function keyCommand(input: string, key: Key, helpShown: boolean): KeyCommand | undefined {
  if (key.ctrl && input === 'c') return { type: 'interrupt' };
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

// One character as a key, as Ink reads it when it comes alone.
function charKey(ch: string): [string, Key] {
  if (ch === '\t') return ['', { ...NO_KEY, tab: true }];
  if (ch === '\r' || ch === '\n') return ['', { ...NO_KEY, return: true }];
  if (ch === '\x7f' || ch === '\b') return ['', { ...NO_KEY, backspace: true }];
  const code = ch.codePointAt(0)!;
  if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), { ...NO_KEY, ctrl: true }];
  return [ch, { ...NO_KEY, shift: /^[A-Z]$/.test(ch) }];
}

/**
 * Splits what Ink hands one input handler into the keys pressed. Ink splits a chunk of terminal input at its
 * escape sequences (each arrow is a call of its own) but passes a run of plain characters whole: `+++` or
 * `q` and Ctrl-C typed faster than it reads come as one string, which must act as three keys, or two.
 */
export function splitKeys(input: string, key: Key): [string, Key][] {
  const chars = [...input];
  if (chars.length <= 1) return [[input, key]];
  return chars.map(charKey);
}
