import test from 'ava';
import {exposedNames, GEMINI_NAME, sanitizeToolName} from '../../source/mcp/tool-names.js';

test('valid names are kept as they are', t => {
	t.is(sanitizeToolName('create_ecto_schema'), 'create_ecto_schema');
	t.is(sanitizeToolName('a.b-c_d'), 'a.b-c_d');
});

test('invalid characters become "_" and a leading digit gets "_" in front', t => {
	t.is(sanitizeToolName('weird name!'), 'weird_name_');
	t.is(sanitizeToolName('9lives'), '_9lives');
	t.is(sanitizeToolName('résumé/tool'), 'r_sum__tool');
	t.is(sanitizeToolName(''), '_');
});

test('long names are cut to 64 characters with a stable hash suffix', t => {
	const long = `x${'y'.repeat(100)}`;
	const once = sanitizeToolName(long);
	t.is(once.length, 64);
	t.regex(once, GEMINI_NAME);
	t.is(sanitizeToolName(long), once);
	t.not(sanitizeToolName(`x${'y'.repeat(101)}`), once);
});

test('only clashing names get the server prefix', t => {
	const names = exposedNames([
		{serverName: 'ecto', toolName: 'generate'},
		{serverName: 'ecto', toolName: 'format'},
		{serverName: 'context', toolName: 'generate'},
	]);
	t.deepEqual(names, ['ecto__generate', 'format', 'context__generate']);
});

test('names that collide only after sanitising are kept apart', t => {
	const names = exposedNames([
		{serverName: 's', toolName: 'a b'},
		{serverName: 's', toolName: 'a_b'},
		{serverName: 's', toolName: 'a!b'},
	]);
	t.is(new Set(names).size, 3);
	t.is(names[0], 'a_b');
	for (const name of names) {
		t.regex(name, GEMINI_NAME);
	}
});
