import * as l10n from '@vscode/l10n';
// The one check of a name we write to disk (a run's file, a version's archive entry, a new skill's folder),
// so that it means the same on Windows, macOS and Linux: no name Windows reserves (`CON`, `com1`, `CONIN$`,
// `COM¹`, `nul.txt`, `CON .txt`), no trailing dot or space, no character Windows or a terminal refuses, at
// most 255 bytes, and a key that makes twins (`é` composed and decomposed, `A` and `a`) one name.

/** Device names Windows reserves, with any extension, superscript digits and a space before the dot too. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\s*\..*)?$/i;
// Control characters, the bidirectional overrides that make a name read as another, and what Windows refuses.
// eslint-disable-next-line no-control-regex
const REFUSED_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"|?*\\/]/;
const MAX_NAME_BYTES = 255;

/** Why one path segment cannot be written as it is on every system, or undefined when it can. */
export function fileNameProblem(segment: string): string | undefined {
  if (segment.trim() === '' || /^\.+$/.test(segment)) return l10n.t('no name');
  if (REFUSED_CHARACTERS.test(segment)) return l10n.t('control or reserved characters');
  if (/[. ]$/.test(segment) || segment.trim() !== segment) return l10n.t('leading or trailing spaces or dots');
  if (WINDOWS_RESERVED.test(segment)) return l10n.t('a name Windows reserves');
  if (new TextEncoder().encode(segment).byteLength > MAX_NAME_BYTES)
    return l10n.t('more than {0} bytes', MAX_NAME_BYTES);
  return undefined;
}

/** What two names share when a file system takes them for one: composed, without case. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
