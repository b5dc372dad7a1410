// The headless CLI as the CLI tests run it: `npm run sim` in a child process, and scenario files
// written to a temporary folder that is removed after the file's tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export const ROOT = join(__dirname, '..', '..');

export interface CliRun { code: number | null; stdout: string; stderr: string }

export function cli(args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'sim.ts'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    p.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A temporary folder for this test file (removed after its tests) and a writer of JSON files in it. */
export function jsonFiles(prefix: string): { dir: string; file(doc: unknown): string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return {
    dir,
    file(doc) {
      const f = join(dir, `s${n++}.json`);
      writeFileSync(f, JSON.stringify(doc));
      return f;
    },
  };
}
