/** The shell's clock: injected so tests can freeze time; `decide` never reads it. */
export type Clock = () => Date;
export const CLOCK = Symbol('CLOCK');
export const systemClock: Clock = () => new Date();
