/**
 * Pictures drawn on demand: a command describes its picture and returns at once; the adapter asks
 * for the PNG after the text is out. Drawing happens once however many consumers ask.
 */
import type { RenderedPng, ReplyPicture } from '../contract/types.ts';

const started = new WeakSet<ReplyPicture['render']>();

/** A ReplyPicture whose `draw` runs on the first `render()` call (never before), once. */
export function lazyPicture(name: string, alt: string, draw: () => Promise<RenderedPng>): ReplyPicture {
  let drawn: Promise<RenderedPng> | undefined;
  const render = (): Promise<RenderedPng> => {
    started.add(render);
    // A thrown error becomes a rejection, and drawing starts after the caller's current step.
    drawn ??= Promise.resolve().then(draw);
    return drawn;
  };
  return { name, alt, render };
}

/**
 * Whether `render()` has been called on this picture (or a copy of it, as localized replies carry):
 * lets tests hold commands to "describe, do not draw".
 */
export function pictureStarted(picture: ReplyPicture): boolean {
  return started.has(picture.render);
}
