/**
 * An error the garden explains itself: its message, in French, names the file or folder at fault and how to fix it,
 * and the commands print it as is, without a stack trace. `cause` keeps the error it stands for, if any, for whoever
 * debugs. One subclass per kind, as Eleventy's `EleventyBaseError`; each is named after its class.
 */
export class GardenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}
