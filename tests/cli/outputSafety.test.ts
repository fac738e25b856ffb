// What --out does with what it is pointed at: devices, pipes and sockets are written into, links are
// followed and stay links, and nothing the command reads, nothing read-only and nothing whose name says
// another kind of file is replaced. Every refusal comes before the runs, says `cannot write 'FILE': why`
// in one line, and leaves no temporary file.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, chmodSync, copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writeAtomic } from '../../src/node/writeAtomic.js';
import { cli, cliProcess, repoPath, ROOT, STACK_LINE, tempDir, type CliResult } from './harness.js';

const BASELINE = repoPath('scenarios/baseline.yaml');
// Self-contained (the baseline extends it), so a copy runs on its own.
const PRIORS = repoPath('scenarios/priors.yaml');
const RUN = ['run', BASELINE, '--runs', '3', '--seed', '2'];
const IS_ROOT = process.getuid?.() === 0;

/** Checks a refusal: exit 2, one `brigadas: cannot write` line naming the path, nothing on stdout. */
function expectRefused(r: CliResult, path: string, reason: RegExp): void {
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr.split('\n')).toHaveLength(2); // one line and its newline
  expect(r.stderr.startsWith(`brigadas: cannot write '${path}': `), r.stderr).toBe(true);
  expect(r.stderr).toMatch(reason);
  expect(r.code).toBe(2);
}

let csv: string;
let json: string;
let table: string;
beforeAll(async () => {
  [csv, json, table] = await Promise.all(['csv', 'json', 'table'].map(async (f) => (await cli(...RUN, '--format', f)).stdout));
});

describe('--out onto devices, pipes, sockets and descriptors: written into, never replaced', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('/dev/null stays the null device', async () => {
    const before = statSync('/dev/null');
    const r = await cli(...RUN, '--format', 'csv', '--out', '/dev/null');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const after = statSync('/dev/null');
    expect(after.isCharacterDevice()).toBe(true);
    expect([after.ino, after.rdev]).toEqual([before.ino, before.rdev]);
  });

  it.skipIf(!IS_ROOT)('a character device made with mknod (needs root: skipped for other users) stays a device, no temporary file beside it', async () => {
    const device = join(dir, 'null');
    expect(spawnSync('mknod', [device, 'c', '1', '3']).status).toBe(0);
    const r = await cli(...RUN, '--format', 'csv', '--out', device);
    expect(r.code).toBe(0);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(['null']);
  });

  it('/dev/stdout is the output itself, in-process and in a real process, and stays a link', async () => {
    const inProcess = await cli(...RUN, '--format', 'csv', '--out', '/dev/stdout');
    expect(inProcess.code).toBe(0);
    expect(inProcess.stdout).toBe(csv);
    const real = cliProcess('run', 'scenarios/baseline.yaml', '--runs', '3', '--seed', '2', '--format', 'csv', '--out', '/dev/stdout');
    expect(real.stderr).toBe('');
    expect(real.code).toBe(0);
    expect(real.stdout).toBe(csv);
    expect(lstatSync('/dev/stdout').isSymbolicLink() || lstatSync('/dev/stdout').isCharacterDevice()).toBe(true);
  });

  it('/dev/stdout redirected to a file by the shell: the file gets the output and stays the same file', () => {
    const file = join(dir, 'shell.csv');
    writeFileSync(file, 'old\n');
    const inode = statSync(file).ino;
    const command = `"${process.execPath}" "${join(ROOT, 'bin', 'brigadas.js')}" run scenarios/baseline.yaml --runs 3 --seed 2 --format csv --out /dev/stdout > "${file}"`;
    const r = spawnSync('sh', ['-c', command], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(csv);
    expect(statSync(file).ino).toBe(inode); // written into, not replaced by a rename
    expect(readdirSync(dir)).toEqual(['shell.csv']);
  });

  it('a named pipe (fifo): a reader gets the output, the pipe stays a pipe, no temporary file', async () => {
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // Read concurrently: writing into a pipe waits for its reader.
    const received = new Promise<string>((resolve, reject) => {
      let text = '';
      createReadStream(fifo, 'utf8')
        .on('data', (d) => (text += String(d)))
        .on('end', () => resolve(text))
        .on('error', reject);
    });
    const r = await cli(...RUN, '--format', 'csv', '--out', fifo);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await received).toBe(csv);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
  });

  it('Ctrl-C while waiting for a pipe that nobody reads: exit 130 promptly, the pipe left as it was', async () => {
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    cliProcess('--version'); // builds dist/ if it is missing
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'brigadas.js'), 'run', 'scenarios/baseline.yaml', '--runs', '3', '--format', 'csv', '--out', fifo], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    // Three runs take well under this; the command is then waiting for a reader.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const at = performance.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect((performance.now() - at) / 1000).toBeLessThan(5);
    expect(stderr).toBe('brigadas: interrupted; nothing was written\n');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
  });

  it('a Unix socket: the listener gets the output', async () => {
    const path = join(dir, 'sock');
    let text = '';
    const done = new Promise<void>((resolve) => {
      const server = createServer((s) => {
        s.on('data', (d) => (text += String(d)));
        s.on('end', () => server.close(() => resolve()));
      });
      server.listen(path);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const r = await cli(...RUN, '--format', 'csv', '--out', path);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    await done;
    expect(text).toBe(csv);
  });

  it('a device that fails mid-write (/dev/full): exit 1, one line with the reason', async () => {
    const r = await cli(...RUN, '--format', 'csv', '--out', '/dev/full');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("brigadas: cannot write '/dev/full': no space left on the device (ENOSPC)\n");
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });
});

describe('--out through a symbolic link: the target is written whole, the link stays a link', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('a link to an existing file in another folder', async () => {
    mkdirSync(join(dir, 'real'));
    const target = join(dir, 'real', 'report.csv');
    writeFileSync(target, 'old\n');
    chmodSync(target, 0o640);
    const link = join(dir, 'report.csv');
    symlinkSync(join('real', 'report.csv'), link);
    const r = await cli(...RUN, '--out', link);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join('real', 'report.csv'));
    expect(readFileSync(target, 'utf8')).toBe(csv);
    expect(statSync(target).mode & 0o777).toBe(0o640); // the replaced file's permissions carry over
    expect(readdirSync(dir).sort()).toEqual(['real', 'report.csv']);
    expect(readdirSync(join(dir, 'real'))).toEqual(['report.csv']);
  });

  it('a dangling link: its target is created', async () => {
    const link = join(dir, 'out.json');
    symlinkSync('made.json', link);
    const r = await cli(...RUN, '--out', link);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'made.json'), 'utf8')).toBe(json);
  });

  it('a link to the scenario is refused like the scenario itself', async () => {
    const scenario = join(dir, 'base.yaml');
    copyFileSync(PRIORS, scenario);
    const link = join(dir, 'report.txt');
    symlinkSync('base.yaml', link);
    expectRefused(await cli('run', scenario, '--runs', '2', '--out', link, '--force'), link, /it is a scenario file of this command \(.*base\.yaml\); refusing to overwrite it/);
    expect(readFileSync(scenario)).toEqual(readFileSync(PRIORS));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });
});

describe('--out never replaces what the command reads (even with --force)', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('a hard link to the scenario, under a name that suits the output', async () => {
    const scenario = join(dir, 'base.yaml');
    copyFileSync(PRIORS, scenario);
    const hard = join(dir, 'report.txt');
    linkSync(scenario, hard);
    expectRefused(await cli('run', scenario, '--runs', '2', '--out', hard, '--force'), hard, /it is a scenario file of this command \(.*base\.yaml\)/);
    expect(readFileSync(scenario)).toEqual(readFileSync(PRIORS));
    expect(readdirSync(dir).sort()).toEqual(['base.yaml', 'report.txt']);
  });

  it('the file an alternative of compare extends, spelt ./x/../', async () => {
    const parent = join(dir, 'parent.yaml');
    copyFileSync(PRIORS, parent);
    writeFileSync(join(dir, 'child.yaml'), 'extends: parent.yaml\nname: child\n');
    const out = `${dir}/./x/../parent.yaml`;
    expectRefused(await cli('compare', PRIORS, join(dir, 'child.yaml'), '--runs', '2', '--out', out, '--force'), out, /it is a scenario file of this command/);
    expect(readFileSync(parent)).toEqual(readFileSync(PRIORS));
  });

  it('the scenario of sensitivity', async () => {
    const scenario = join(dir, 'base.yaml');
    copyFileSync(PRIORS, scenario);
    expectRefused(await cli('sensitivity', scenario, '-m', 'defections', '-y', '2030', '--samples', '2', '--out', scenario, '--force'), scenario, /it is a scenario file of this command/);
    expect(readFileSync(scenario)).toEqual(readFileSync(PRIORS));
  });

  it('the --targets file of calibrate and backtest', async () => {
    const targets = join(dir, 'targets.csv');
    copyFileSync(repoPath('data/history.csv'), targets);
    const before = readFileSync(targets);
    expectRefused(await cli('calibrate', PRIORS, '--draws', '5', '--targets', targets, '--out', targets, '--force'), targets, /it is the targets file of this command; refusing to overwrite it/);
    expectRefused(await cli('backtest', PRIORS, '--runs', '2', '--targets', targets, '--out', targets), targets, /it is the targets file of this command/);
    expect(readFileSync(targets)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['targets.csv']);
  });

  it("the package's data/history.csv when it is the targets read", async () => {
    const history = repoPath('data/history.csv');
    const before = readFileSync(history);
    try {
      expectRefused(await cli('calibrate', PRIORS, '--draws', '5', '--out', history, '--force'), history, /it is the targets file of this command/);
      expectRefused(await cli('backtest', '--runs', '2', '--format', 'csv', '--out', history), history, /it is the targets file of this command/);
    } finally {
      // Should the refusal ever fail, the repository's data must not stay damaged.
      if (!readFileSync(history).equals(before)) writeFileSync(history, before);
    }
    expect(readFileSync(history)).toEqual(before);
  });
});

describe('--out refuses what it may not replace, before running, leaving nothing behind', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => {
    chmodSync(dir, 0o700);
    cleanup();
  });

  it("--out '' is a usage error: expected a file name", async () => {
    const r = await cli(...RUN, '--out', '');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("brigadas: --out '': expected a file name\n");
  });

  it('a name ending in / names a folder', async () => {
    expectRefused(await cli(...RUN, '--out', `${dir}/new/`), `${dir}/new/`, /it names a folder; expected a file name/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a read-only file (chmod 444), even for root and with --force', async () => {
    const file = join(dir, 'report.csv');
    writeFileSync(file, 'keep me\n');
    chmodSync(file, 0o444);
    for (const extra of [[], ['--force']]) {
      expectRefused(await cli(...RUN, '--out', file, ...extra), file, /it is read-only; make it writable \(chmod u\+w\) or choose another name/);
    }
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
    expect(readdirSync(dir)).toEqual(['report.csv']);
  });

  it('a read-only folder (chmod 555): the message names the folder', async () => {
    const folder = join(dir, 'ro');
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    const out = join(folder, 'report.csv');
    expectRefused(await cli(...RUN, '--out', out), out, new RegExp(`the folder '${folder}' is read-only`));
    expect(readdirSync(folder)).toEqual([]);
  });

  it('a missing folder, and a path through a file', async () => {
    const scenario = join(dir, 'base.yaml');
    copyFileSync(PRIORS, scenario);
    expectRefused(await cli(...RUN, '--out', join(dir, 'no', 'x.csv')), join(dir, 'no', 'x.csv'), /the folder '.*no' does not exist; create it first/);
    expectRefused(await cli(...RUN, '--out', join(scenario, 'x.csv')), join(scenario, 'x.csv'), /is not a folder/);
    expect(readdirSync(dir)).toEqual(['base.yaml']);
  });

  it('refuses before the runs: ten million runs are never started', async () => {
    const file = join(dir, 'report.csv');
    writeFileSync(file, 'keep me\n');
    chmodSync(file, 0o444);
    const at = performance.now();
    const r = await cli('run', BASELINE, '--runs', '10000000', '--out', file);
    expect(r.code).toBe(2);
    expect(performance.now() - at).toBeLessThan(5000);
  });
});

describe('names that do not suit the output: refused unless --force', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('a table or CSV over an existing scenario that is not an input', async () => {
    const scenario = join(dir, 'salary-raise-2026.yaml');
    copyFileSync(repoPath('scenarios/salary-raise-2026.yaml'), scenario);
    const before = readFileSync(scenario);
    expectRefused(await cli(...RUN, '--out', scenario), scenario, /the output is a table but the name says a scenario \(YAML\); use a name ending in \.txt \(or no extension\), or add --force/);
    expectRefused(await cli(...RUN, '--format', 'csv', '--out', scenario), scenario, /the output is CSV but the name says a scenario \(YAML\); use a name ending in \.csv, or add --force/);
    expect(readFileSync(scenario)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['salary-raise-2026.yaml']);
    const forced = await cli(...RUN, '--format', 'csv', '--out', scenario, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(scenario, 'utf8')).toBe(csv);
    expect(readdirSync(dir)).toEqual(['salary-raise-2026.yaml']);
  });

  it('a new file named .yaml for a table', async () => {
    const out = join(dir, 'new.yaml');
    expectRefused(await cli(...RUN, '--out', out), out, /the name says a scenario \(YAML\)/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('calibrate: the calibrated scenario (YAML) over a CSV, or into a new .json', async () => {
    const data = join(dir, 'data.csv');
    writeFileSync(data, 'a,b\n1,2\n');
    expectRefused(await cli('calibrate', PRIORS, '--draws', '5', '--out', data), data, /the output is a scenario \(YAML\) but the name says CSV; use a name ending in \.yaml or \.yml, or add --force/);
    expectRefused(await cli('calibrate', PRIORS, '--draws', '5', '--out', join(dir, 'c.json')), join(dir, 'c.json'), /the name says JSON/);
    expect(readFileSync(data, 'utf8')).toBe('a,b\n1,2\n');
    expect(readdirSync(dir)).toEqual(['data.csv']);
    const forced = await cli('calibrate', PRIORS, '--draws', '5', '--out', data, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(data, 'utf8')).toMatch(/^# yaml-language-server/);
  });

  it('an existing file whose name says nothing of the output (notes.md), with and without --force', async () => {
    const notes = join(dir, 'notes.md');
    writeFileSync(notes, '# notes\n');
    expectRefused(await cli(...RUN, '--out', notes), notes, /it exists and its name does not say it holds a table \(\.txt \(or no extension\)\); choose another name, or add --force to replace it/);
    expect(readFileSync(notes, 'utf8')).toBe('# notes\n');
    expect((await cli(...RUN, '--out', notes, '--force')).code).toBe(0);
    expect(readFileSync(notes, 'utf8')).toBe(table);
  });

  it('an existing file of the same kind is replaced whole (.json, .csv, .txt, no extension)', async () => {
    for (const [name, text] of [['r.json', json], ['r.csv', csv], ['r.txt', table], ['report', table]]) {
      const out = join(dir, name);
      writeFileSync(out, 'old\n');
      const r = await cli(...RUN, '--out', out);
      expect(r.code, name).toBe(0);
      expect(readFileSync(out, 'utf8'), name).toBe(text);
    }
    expect(readdirSync(dir).sort()).toEqual(['r.csv', 'r.json', 'r.txt', 'report']);
  });
});

describe('the format from the --out name', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('.json gives JSON, .csv CSV, any other name the table (run, compare, sensitivity, backtest)', async () => {
    for (const [name, text] of [['g.json', json], ['g.CSV', csv], ['g.txt', table], ['g.out', table]]) {
      expect((await cli(...RUN, '--out', join(dir, name))).code, name).toBe(0);
      expect(readFileSync(join(dir, name), 'utf8'), name).toBe(text);
    }
    const compare = ['compare', PRIORS, PRIORS, '--runs', '2'];
    expect((await cli(...compare, '--out', join(dir, 'c.csv'))).code).toBe(0);
    expect(readFileSync(join(dir, 'c.csv'), 'utf8')).toBe((await cli(...compare, '--format', 'csv')).stdout);
    const sensitivity = ['sensitivity', PRIORS, '-m', 'defections', '-y', '2010', '--samples', '2'];
    expect((await cli(...sensitivity, '--out', join(dir, 's.json'))).code).toBe(0);
    expect(readFileSync(join(dir, 's.json'), 'utf8')).toBe((await cli(...sensitivity, '--format', 'json')).stdout);
    const backtest = ['backtest', PRIORS, '--runs', '3'];
    expect((await cli(...backtest, '--out', join(dir, 'b.csv'))).code).toBe(0);
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe((await cli(...backtest, '--format', 'csv')).stdout);
    expect((await cli(...backtest, '--out', join(dir, 'b.txt'))).code).toBe(0);
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe((await cli(...backtest)).stdout);
  });

  it('--format and a name that disagree: refused, unless --force', async () => {
    const out = join(dir, 'g.json');
    expectRefused(await cli(...RUN, '--format', 'csv', '--out', out), out, /the output is CSV but the name says JSON; use a name ending in \.csv, or add --force/);
    expect(readdirSync(dir)).toEqual([]);
    expect((await cli(...RUN, '--format', 'csv', '--out', out, '--force')).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(csv);
  });
});

describe('writeAtomic', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('leaves no temporary file when the rename fails (the target turned into a folder meanwhile)', () => {
    const target = join(dir, 'report.csv');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'x');
    expect(() => writeAtomic(target, 'text')).toThrow();
    expect(readdirSync(dir)).toEqual(['report.csv']);
  });

  it('writes over a stale temporary file of the same name rather than through it', () => {
    const target = join(dir, 'report.csv');
    const stale = join(dir, `.report.csv.${process.pid}.tmp`);
    writeFileSync(stale, 'stale');
    writeAtomic(target, 'fresh');
    expect(readFileSync(target, 'utf8')).toBe('fresh');
    expect(readdirSync(dir)).toEqual(['report.csv']);
  });
});
