import test from 'ava';
import {ATTRIBUTE_TYPES, parseAttr, parseAttrs} from '../../source/generators/attributes.js';
import {GeneratorError} from '../../source/generators/errors.js';

test("the supported types are Phoenix's", t => {
	t.deepEqual([...ATTRIBUTE_TYPES].sort(), [
		'array',
		'binary',
		'boolean',
		'date',
		'decimal',
		'enum',
		'float',
		'integer',
		'map',
		'naive_datetime',
		'naive_datetime_usec',
		'references',
		'string',
		'text',
		'time',
		'time_usec',
		'utc_datetime',
		'utc_datetime_usec',
		'uuid',
	]);
});

test('a name alone is a string; name:type keeps the type', t => {
	t.deepEqual(parseAttr('title'), {name: 'title', type: 'string', unique: false, redact: false});
	for (const type of ['integer', 'float', 'decimal', 'boolean', 'map', 'text', 'date', 'time', 'time_usec', 'utc_datetime_usec', 'uuid', 'binary']) {
		t.is(parseAttr(`f:${type}`).type, type);
	}
});

test('datetime is an alias of naive_datetime, also inside arrays', t => {
	t.is(parseAttr('at:datetime').type, 'naive_datetime');
	t.is(parseAttr('ats:array:datetime').inner, 'naive_datetime');
});

test('array, references and enum take their third part', t => {
	t.deepEqual(parseAttr('tags:array:string'), {name: 'tags', type: 'array', inner: 'string', unique: false, redact: false});
	t.deepEqual(parseAttr('user_id:references:users'), {name: 'user_id', type: 'references', table: 'users', unique: false, redact: false});
	t.deepEqual(parseAttr('status:enum:draft:in-progress:done'), {name: 'status', type: 'enum', values: ['draft', 'in-progress', 'done'], unique: false, redact: false});
});

test('unique and redact flags are stripped in any order and combination', t => {
	t.like(parseAttr('slug:unique'), {name: 'slug', type: 'string', unique: true, redact: false});
	t.like(parseAttr('secret:redact'), {type: 'string', unique: false, redact: true});
	t.like(parseAttr('email:string:unique:redact'), {type: 'string', unique: true, redact: true});
	t.like(parseAttr('email:string:redact:unique'), {type: 'string', unique: true, redact: true});
	t.like(parseAttr('user_id:references:users:unique'), {type: 'references', table: 'users', unique: true});
	t.like(parseAttr('status:enum:a:b:redact'), {values: ['a', 'b'], redact: true});
});

function rejects(t: import('ava').ExecutionContext, spec: string, ...fragments: string[]): void {
	const error = t.throws(() => parseAttr(spec), {instanceOf: GeneratorError}, spec);
	for (const fragment of fragments) t.true(error?.message.includes(fragment), `${spec}: "${error?.message}" should mention "${fragment}"`);
}

test('bad attributes name the bad part and what is allowed', t => {
	rejects(t, 'title:strin', '"strin"', 'integer, float, decimal');
	rejects(t, 'user_id:references', 'user_id:references:users');
	rejects(t, 'tags:array', 'tags:array:string');
	rejects(t, 'tags:array:widget', '"widget"', 'Allowed item types');
	rejects(t, 'tags:array:enum', '"enum"');
	rejects(t, 'status:enum', 'at least one value');
	rejects(t, 'status:enum:a::b', 'empty value');
	rejects(t, 'status:enum:a:a', '"a" twice');
	rejects(t, 'end:string', 'reserved word', 'end');
	rejects(t, 'in', 'reserved word');
	rejects(t, 'ok?:boolean', '"ok?"', '"?" and "!" are not allowed');
	rejects(t, 'Title:string', 'not a valid field name');
	rejects(t, '2fa:string', 'not a valid field name');
	rejects(t, 'a-b:string', 'not a valid field name');
	rejects(t, ':string', 'empty');
	rejects(t, 'title:string:extra', 'extra parts');
	rejects(t, 'user_id:references:bad-table', 'not a valid table name');
	rejects(t, 'x'.repeat(101), 'at most 100');
	rejects(t, 'status:enum:a b', 'whitespace');
});

test('parseAttrs keeps order and refuses duplicates and absurd sizes', t => {
	t.deepEqual(
		parseAttrs(['b', 'a:integer']).map(attr => attr.name),
		['b', 'a'],
	);
	const duplicate = t.throws(() => parseAttrs(['title', 'title:text']), {instanceOf: GeneratorError});
	t.regex(duplicate!.message, /"title" is given twice/);
	t.is(parseAttrs(Array.from({length: 200}, (_, i) => `f${i}`)).length, 200);
	t.throws(() => parseAttrs(Array.from({length: 201}, (_, i) => `f${i}`)), {message: /201 attributes given; at most 200/});
	const values = Array.from({length: 201}, (_, i) => `v${i}`).join(':');
	t.throws(() => parseAttr(`s:enum:${values}`), {message: /201 values; at most 200/});
});

test('a bad name is quoted once, with control characters escaped', t => {
	const bare = t.throws(() => parseAttr('Title'), {instanceOf: GeneratorError});
	t.true(bare.message.startsWith('Attribute name "Title" is not a valid field name'), bare.message);
	const typed = t.throws(() => parseAttr('Title:string'), {instanceOf: GeneratorError});
	t.true(typed.message.startsWith('Attribute name in "Title:string" "Title" is not'), typed.message);
	const newline = t.throws(() => parseAttr('a\nb'), {instanceOf: GeneratorError});
	t.true(newline.message.startsWith('Attribute name "a\\nb" is not'), newline.message);
	t.false(newline.message.includes('\n'));
});

test('nil, true and false are refused as enum values', t => {
	for (const value of ['nil', 'true', 'false']) {
		const error = t.throws(() => parseAttr(`status:enum:draft:${value}`), {instanceOf: GeneratorError});
		t.regex(error.message, new RegExp(`Enum value "${value}" of "status" is an Elixir literal`));
	}
});
