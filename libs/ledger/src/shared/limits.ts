/** Input limits: the one place their numbers live (DTOs, importer and deciders read them here). */
export const LIMITS = {
  idMaxLength: 64,
  shortTextMaxLength: 500,
  longTextMaxLength: 20_000,
  progressMin: 0,
  progressMax: 100,
  weightMax: 1_000_000,
  commitmentNumberMax: 10_000,
} as const;

/** Plan and axis ids: lower-case slugs, usable in stream names and URLs. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
