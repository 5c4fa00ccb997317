/** A run that could not be done (exit code 2); the message is the one line a user reads. */
export class CannotRun extends Error {
  override readonly name = 'CannotRun';
}

export type Progress = (line: string) => void;

export const silent: Progress = () => undefined;
