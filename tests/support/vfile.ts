/** Assertions on unified runs that must fail with a message for the writer. */
import { VFileMessage } from 'vfile-message';
import { expect } from 'vitest';

/** The rejection of a run, which must be a fatal VFileMessage. */
export async function rejection(run: Promise<unknown>): Promise<VFileMessage> {
  const error: unknown = await run.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, 'the run should reject').toBeInstanceOf(VFileMessage);
  return error as VFileMessage;
}
