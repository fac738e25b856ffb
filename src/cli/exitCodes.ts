/** The exit codes of the brigadas command: 0 ok, 1 runtime failure, 2 usage error, 3 invalid scenario. */
export const EXIT = { ok: 0, runtime: 1, usage: 2, invalidScenario: 3, interrupted: 130 } as const;
