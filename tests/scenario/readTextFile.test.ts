// What a user points at that is not a scenario file: missing, a folder, a device, a fifo, too big, not text.
// Each is refused before it is read, with `brigadas: cannot read FILE: why` (exit 2) and no invented line,
// or, named by `extends`, at the extends line of the file that names it.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/api/loadScenario.js';
import { MAX_FILE_BYTES, readTextFile } from '../../src/node/nodeFilePort.js';
import { formatDiagnostic } from '../../src/scenario/diagnostic.js';
import { cli, repoPath, STACK_LINE, tempDir } from '../cli/harness.js';

const bad = (name: string) => repoPath(`tests/fixtures/bad/${name}`);
const posix = process.platform !== 'win32';

/** Checks that a command refused a file it could not read: exit 2, one line, nothing on stdout. */
async function expectUnreadable(argv: string[], line: string): Promise<void> {
  const r = await cli(...argv);
  expect(r.stderr).toBe(`brigadas: ${line}\n`);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stdout).toBe('');
  expect(r.code).toBe(2);
}

describe('files that cannot be read', () => {
  it('a missing scenario: no invented line and column', async () => {
    await expectUnreadable(['validate', 'nosuch.yaml'], 'cannot read nosuch.yaml: no such file');
    await expectUnreadable(['run', 'nosuch.yaml', '--runs', '1'], 'cannot read nosuch.yaml: no such file');
  });

  it('a folder', async () => {
    const folder = bad('');
    await expectUnreadable(['run', folder, '--runs', '1'], `cannot read ${folder}: it is a folder, not a file`);
  });

  it('a file with binary bytes, and one that is not UTF-8', async () => {
    await expectUnreadable(['validate', bad('binary.yaml')], `cannot read ${bad('binary.yaml')}: it is not text (it holds binary bytes)`);
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'latin1.yaml');
      writeFileSync(file, Buffer.from('name: Camag\xfcey\n', 'latin1'));
      await expectUnreadable(['validate', file], `cannot read ${file}: it is not UTF-8 text`);
    } finally {
      cleanup();
    }
  });

  it.runIf(posix)('a device (/dev/zero) is refused from stat, without reading it', async () => {
    await expectUnreadable(['validate', '/dev/zero'], 'cannot read /dev/zero: it is a character device, not a regular file');
    await expectUnreadable(['backtest', '--runs', '1', '--targets', '/dev/zero'], '--targets: cannot read /dev/zero: it is a character device, not a regular file');
  });

  it.runIf(posix)('extends: /dev/zero is located at the extends line of the file that names it', async () => {
    const r = await cli('validate', bad('extends-device.yaml'));
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `${bad('extends-device.yaml')}:2:10: extends '/dev/zero': cannot read /dev/zero: it is a character device, not a regular file; expected a scenario file (a path relative to this one)\n`,
    );
  });

  it.runIf(posix)('a fifo is refused at once, not waited on', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const fifo = join(dir, 'pipe.yaml');
      execFileSync('mkfifo', [fifo]);
      await expectUnreadable(['validate', fifo], `cannot read ${fifo}: it is a fifo (named pipe), not a regular file`);
      const child = join(dir, 'child.yaml');
      writeFileSync(child, 'extends: pipe.yaml\nname: child of a fifo\n');
      const r = await cli('validate', child);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/^[^\n]*child\.yaml:1:10: extends 'pipe\.yaml': cannot read [^\n]*pipe\.yaml: it is a fifo \(named pipe\), not a regular file; /);
    } finally {
      cleanup();
    }
  });

  it('a file over the size limit is refused from its size, before it is read', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'huge.yaml');
      writeFileSync(file, Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
      await expectUnreadable(['validate', file], `cannot read ${file}: it is 4.0 MiB (4,194,305 bytes), over the 4 MiB limit for a scenario or targets file`);
      await expectUnreadable(['backtest', '--runs', '1', '--targets', file], `--targets: cannot read ${file}: it is 4.0 MiB (4,194,305 bytes), over the 4 MiB limit for a scenario or targets file`);
      // Just at the limit it is read (and then judged as YAML: all blanks is an empty file).
      writeFileSync(file, Buffer.alloc(MAX_FILE_BYTES, 0x20));
      const r = await cli('validate', file);
      expect(r.code).toBe(3);
      expect(r.stderr).toBe(`${file}:1:1: file is empty; expected a YAML mapping with name, start, end, parameters, levers, hosts\n`);
    } finally {
      cleanup();
    }
  });

  it('reads at most limit + 1 bytes, whatever stat said', () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'small.yaml');
      writeFileSync(file, 'name: x\n');
      expect(readTextFile(file, 8)).toEqual({ ok: true, text: 'name: x\n' });
      expect(readTextFile(file, 7)).toEqual({ ok: false, message: `cannot read ${file}: it is 8 bytes, over the 7 bytes limit for a scenario or targets file` });
    } finally {
      cleanup();
    }
  });

  // Files under /proc say size 0 to stat and hold more: the read itself must stop at the limit.
  it.runIf(process.platform === 'linux')('a file that holds more than stat said is cut at the limit and refused', () => {
    expect(readTextFile('/proc/self/status', 16)).toEqual({ ok: false, message: 'cannot read /proc/self/status: it grew past the 16 bytes limit while being read' });
  });

  it('validate says each file in the order given and exits 2 when one could not be read', async () => {
    const good = repoPath('scenarios/baseline.yaml');
    const r = await cli('validate', good, 'nosuch.yaml', bad('nan-value.yaml'));
    expect(r.stdout).toMatch(/^[^\n]*baseline\.yaml: ok \([^\n]*\)\n$/);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('brigadas: cannot read nosuch.yaml: no such file');
    expect(lines[1]).toMatch(/nan-value\.yaml:5:15: /);
    expect(r.code).toBe(2);
  });

  it('the library says the same, as a diagnostic with line 0 that formats as its message', () => {
    const r = loadScenario('nosuch.yaml');
    expect(r).toEqual({ ok: false, errors: [{ file: 'nosuch.yaml', line: 0, col: 0, message: 'cannot read nosuch.yaml: no such file' }] });
    if (!r.ok) expect(formatDiagnostic(r.errors[0])).toBe('cannot read nosuch.yaml: no such file');
  });
});
