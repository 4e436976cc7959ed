import test from 'ava';
import fc from 'fast-check';
import {storableJson, storableText, storedNul} from '../../source/db/stored-values.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

test('NUL is stored as the visible U+2400, everything else as given', t => {
	t.is(storableText('a\u0000b\u0000'), `a${storedNul}b${storedNul}`);
	t.is(storableText('plain é 😀\n\ttext'), 'plain é 😀\n\ttext');
});

test('text over the limit keeps its start, whole characters only, and ends with a marker saying how much was cut', t => {
	const text = '😀'.repeat(1000); // 4000 bytes
	const stored = storableText(text, 1000);
	t.true(bytes(stored) <= 1000);
	t.regex(stored, /\n\[… truncated by ectosmith: [\d.]+ KiB of 3\.9 KiB not stored\]$/);
	const head = stored.slice(0, stored.indexOf('\n['));
	t.true(text.startsWith(head));
	t.false(head.includes('\uFFFD'));
	t.is(storableText('x'.repeat(1000), 1000), 'x'.repeat(1000), 'exactly at the limit is kept whole');
});

test('any text is stored within the limit, without NUL, and unchanged when it fits', t => {
	fc.assert(
		fc.property(fc.string({unit: 'binary', maxLength: 400}), fc.integer({min: 120, max: 600}), (text, limit) => {
			const stored = storableText(text, limit);
			if (stored.includes('\u0000') || bytes(stored) > limit) return false;
			return bytes(text) <= limit ? stored === text.replaceAll('\u0000', storedNul) : stored.includes('truncated by ectosmith');
		}),
	);
	t.pass();
});

test('JSON over the limit keeps its shape: long strings are cut with a marker, small values stay', t => {
	const value = {project_path: '/p', attrs: ['title:string'], body: 'b'.repeat(5000), nested: {log: 'l'.repeat(3000), n: 4, ok: true, none: null}};
	const stored = storableJson(value, 2000) as typeof value;
	t.true(bytes(JSON.stringify(stored)) <= 2000);
	t.is(stored.project_path, '/p');
	t.deepEqual(stored.attrs, ['title:string']);
	t.like(stored.nested, {n: 4, ok: true, none: null});
	t.regex(stored.body, /^b+\n\[… truncated by ectosmith: [\d.]+ KiB of 4\.9 KiB not stored\]$/);
	t.regex(stored.nested.log, /^l+\n\[… truncated by ectosmith/);
	// Within the limit, the very same value (NUL and all: JSON escapes it).
	const small = {text: 'a\u0000b'};
	t.is(storableJson(small, 2000), small);
});

test('JSON too large even with its strings cut is replaced by a note with its start', t => {
	const many = Array.from({length: 2000}, (_, index) => index);
	const stored = storableJson(many, 1000);
	t.like(stored, {truncated_by_ectosmith: true, original_bytes: bytes(JSON.stringify(many))});
	t.true(bytes(JSON.stringify(stored)) <= 1000);
	t.true((stored as {start: string}).start.startsWith('[0,1,2,3'));
});
