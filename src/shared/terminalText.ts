// Text for a test run's output, which VS Code shows in a terminal: a model's transcript must not move the
// cursor, recolour or retitle it, so escape sequences and control characters go, and line ends are `\r\n`
// as a terminal needs them. A command line's one-line fields lose the same, their line breaks too.

/** CSI, OSC and other escape sequences (`ESC [ … m`, `ESC ] … BEL`, `ESC x`). */
const ESCAPES =
  // eslint-disable-next-line no-control-regex
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])|\u009b[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function terminalText(text: string): string {
  return text.replace(ESCAPES, '').replace(/\r\n?/g, '\n').replace(CONTROLS, '').replace(/\n/g, '\r\n');
}

/**
 * Text from a skill, a server or a model as one line of a terminal: escape sequences go, and line breaks
 * and other control characters (tabs aside) become spaces.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(ESCAPES, '').replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]+/g, ' ');
}
