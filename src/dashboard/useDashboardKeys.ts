import { useApp, useInput } from 'ink';
import { useLayoutEffect, useRef, useState } from 'react';
import type { CompiledScenario } from '../scenario/compiled.js';
import { keyCommand, splitKeys } from './dashboardKeys.js';
import { dashboardStep, initialState, saveFailed, savedAs, type DashboardState, type KeyContext, type Step } from './dashboardState.js';

/**
 * The imperative shell around dashboardStep: reads the keys, keeps the dashboard's state, writes the file a
 * save asks for through `save` and quits. `context` describes the frame being drawn; it takes effect for
 * the keys read once that frame is on the screen.
 */
export function useDashboardKeys(
  original: CompiledScenario,
  context: KeyContext,
  save: ((text: string, original: string) => string) | undefined,
  isActive: boolean,
): DashboardState {
  const { exit } = useApp();
  const [state, setState] = useState(() => initialState(original));
  // The state as the keys left it, ahead of the screen: Ink hands over every key of a chunk (a paste, key
  // repeat, a fast typist) before React renders again, and each must act on the one before's result.
  const latest = useRef(state);
  // Likewise what the screen offers, set as each frame is committed (drawn): Ink may call the handler of
  // an earlier render, whose closure would still see the terminal at its old size.
  const drawn = useRef({ context, save });
  useLayoutEffect(() => {
    drawn.current = { context, save };
  });

  const perform = (step: Step): boolean => {
    let { state: next, effect } = step;
    const port = drawn.current.save;
    if (effect?.type === 'save' && port) {
      try {
        ({ state: next, effect } = savedAs(next, port(effect.text, effect.original), effect.thenQuit));
      } catch (e) {
        next = saveFailed(next, e instanceof Error ? e.message : String(e));
        effect = undefined;
      }
    }
    latest.current = next;
    return effect?.type === 'quit';
  };
  useInput(
    (input, key) => {
      let quit = false;
      for (const [i, k] of splitKeys(input, key)) {
        quit = perform(dashboardStep(latest.current, keyCommand(i, k, latest.current.view.help), drawn.current.context)) || quit;
      }
      setState(latest.current);
      if (quit) exit();
    },
    { isActive },
  );
  return state;
}
