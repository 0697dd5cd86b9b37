import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Build-backed files (tests/build/, each spawning `astro build`) start first, so the short unit
 * files fill the other worker at the end instead of one long build running alone. Within each
 * group Vitest's own order stays: longest first when it has timings, else largest file first.
 */
class BuildsFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isBuild = (spec: TestSpecification) => /[\\/]tests[\\/]build[\\/]/.test(spec.moduleId);
    return [...sorted.filter(isBuild), ...sorted.filter((spec) => !isBuild(spec))];
  }
}

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    // Build-backed tests spawn `astro build`; two cores do not like more than two at once.
    maxWorkers: 2,
    testTimeout: 120_000,
    // Hooks that launch Chromium (tests/unit/diagram-plugin.test.ts): Vitest's default leaves
    // too little room on a busy machine.
    hookTimeout: 60_000,
    sequence: { sequencer: BuildsFirst },
    // A scratch folder for the run, where build tests share one build of the real site.
    globalSetup: ['tests/support/global-setup.ts'],
    // The files of a worker share one process and one module cache, which saves starting
    // processes and importing the same modules again. A file must leave the process as it found
    // it; tests/support/no-leaks.ts fails one that does not.
    isolate: false,
    setupFiles: ['tests/support/no-leaks.ts'],
  },
});
