import test from 'ava';
import {parseKey, splitKeys} from '../../source/ui/keys/split-keys.js';

test('a chunk splits into the keys it holds: sequences whole, controls alone, text by grapheme', t => {
	t.deepEqual(splitKeys('\u001B[B\u001B[B\u001B[B'), ['\u001B[B', '\u001B[B', '\u001B[B']);
	t.deepEqual(splitKeys('ab\u007F\u007F'), ['a', 'b', '\u007F', '\u007F']);
	t.deepEqual(splitKeys('posts\r'), ['p', 'o', 's', 't', 's', '\r']);
	t.deepEqual(splitKeys('\u001B1\u001B[15~\u001BOP'), ['\u001B1', '\u001B[15~', '\u001BOP']);
	t.deepEqual(splitKeys('👩‍👩‍👧é'), ['👩‍👩‍👧', 'é']);
	t.deepEqual(splitKeys('\u001B'), ['\u001B']);
	t.deepEqual(splitKeys('\u001B\u001B[A'), ['\u001B\u001B[A']);
});

test('each key is what Ink would call it, plus the function keys', t => {
	t.true(parseKey('\u001B[B').key.downArrow);
	t.true(parseKey('\u007F').key.backspace);
	t.true(parseKey('\u001B[3~').key.delete);
	t.true(parseKey('\r').key.return);
	t.true(parseKey('\u001B').key.escape);
	t.deepEqual([parseKey('\u0003').input, parseKey('\u0003').key.ctrl], ['c', true]);
	t.deepEqual([parseKey('\u001B3').input, parseKey('\u001B3').key.meta], ['3', true]);
	t.is(parseKey('\u001BOP').key.fn, 1);
	t.is(parseKey('\u001B[15~').key.fn, 5);
	t.is(parseKey('\u001B[[C').key.fn, 3);
	const shiftTab = parseKey('\u001B[Z').key;
	t.true(shiftTab.tab && shiftTab.shift);
	const ctrlUp = parseKey('\u001B[1;5A').key;
	t.true(ctrlUp.upArrow && ctrlUp.ctrl);
	t.deepEqual([parseKey('G').input, parseKey('G').key.shift], ['G', true]);
});
