import * as assert from 'node:assert/strict';
import { terminalText } from '../../../src/shared/terminalText';

describe('terminalText: a transcript for the test output terminal', () => {
  it('drops colour, cursor and title sequences and control characters, and ends lines with \\r\\n', () => {
    const hostile = 'red \u001b[31mtext\u001b[0m\u001b[2J\u001b]0;owned\u0007 bell\u0007 C1\u009b2J\r\nnext\rlast\n';
    assert.equal(terminalText(hostile), 'red text bell C1\r\nnext\r\nlast\r\n');
  });

  it('keeps tabs and every printable character', () => {
    assert.equal(terminalText('a\tb — ü 日本'), 'a\tb — ü 日本');
  });
});
