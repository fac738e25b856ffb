import { render } from 'ink';
import { App, type AppProps } from './App.js';

/** The streams the dashboard draws on and reads keys from: the terminal, injected by the command line. */
export interface DashboardStreams {
  readonly stdout: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
  readonly stderr: NodeJS.WriteStream;
}

/**
 * Shows the dashboard until the user quits (q, Esc, Ctrl-C) or `interrupt` aborts, and resolves then; it
 * rejects with the error if the dashboard failed. The caller owns the terminal: it enters and leaves the
 * alternate screen around this call.
 */
export async function runDashboard(props: AppProps, streams: DashboardStreams, interrupt?: AbortSignal): Promise<void> {
  const instance = render(<App {...props} />, {
    stdout: streams.stdout,
    stdin: streams.stdin,
    stderr: streams.stderr,
    exitOnCtrlC: true,
    patchConsole: false,
    // Ink 6.8's line-diffing renderer loses its place in a frame this tall (a stale line stays under the header,
    // everything below shifts a row; ink#1023 and #894 are of the same family): redraw whole frames instead.
    incrementalRendering: false,
  });
  const onAbort = () => instance.unmount();
  interrupt?.addEventListener('abort', onAbort, { once: true });
  try {
    await instance.waitUntilExit();
  } finally {
    interrupt?.removeEventListener('abort', onAbort);
    instance.cleanup();
  }
}
