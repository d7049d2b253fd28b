/**
 * Characters no ledger text may hold, because they hide or reorder what a reader sees:
 * - C0/C1 control characters (tab, LF and CR excepted);
 * - bidirectional controls (embeddings, overrides, isolates, marks: U+061C, U+200E–U+200F,
 *   U+202A–U+202E, U+2066–U+2069), which can make "fdp.exe" display as "exe.pdf" or reorder a
 *   figure in the report ("Trojan Source", CVE-2021-42574);
 * - zero-width and invisible characters (U+200B–U+200D, U+2060–U+2064, U+FEFF), which make two
 *   different texts look identical.
 * Right-to-left text itself (Arabic) needs none of them: the renderer orders it.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

export type ForbiddenCharacter = { kind: 'control' | 'invisible'; codePoint: string };

/** The first forbidden character of `text`, or undefined. */
export function forbiddenCharacter(text: string): ForbiddenCharacter | undefined {
  const control = CONTROL.exec(text);
  if (control) return { kind: 'control', codePoint: codePointOf(control[0]) };
  const invisible = INVISIBLE.exec(text);
  return invisible ? { kind: 'invisible', codePoint: codePointOf(invisible[0]) } : undefined;
}

const codePointOf = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
