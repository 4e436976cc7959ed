import test from 'ava';
import {silentLogger} from '../../source/log/logger.js';
import {ArgsValidator, propertyPath} from '../../source/mcp/args-validator.js';

const fieldsSchema = {
	$schema: 'http://json-schema.org/draft-07/schema#',
	type: 'object',
	properties: {
		schema: {type: 'string'},
		fields: {
			type: 'array',
			items: {
				type: 'object',
				properties: {name: {type: 'string'}, type: {enum: ['string', 'integer']}},
				required: ['name', 'type'],
				additionalProperties: false,
			},
		},
	},
	required: ['schema', 'fields'],
	additionalProperties: false,
};

test('nested problems name the property path and what was expected', t => {
	const validator = new ArgsValidator(silentLogger);
	const problems = validator.validate('gen', fieldsSchema, {
		fields: [
			{name: 'title', type: 'string'},
			{name: 3, type: 'float', size: 4},
		],
		extra: 1,
	});
	t.deepEqual(problems.sort(), [
		'missing required property "schema"',
		'property "fields[1].name" must be string, got number 3',
		'property "fields[1].type" must be one of "string", "integer", got "float"',
		'unknown property "extra"; allowed: schema, fields',
		'unknown property "fields[1].size"; allowed: name, type',
	]);
});

test('valid arguments give no problems, also from the cached validator', t => {
	const validator = new ArgsValidator(silentLogger);
	const args = {schema: 'Blog.Post', fields: [{name: 'title', type: 'string'}]};
	t.deepEqual(validator.validate('gen', fieldsSchema, args), []);
	t.deepEqual(validator.validate('gen', fieldsSchema, args), []);
});

test('2020-12 schemas are understood', t => {
	const validator = new ArgsValidator(silentLogger);
	const schema = {
		$schema: 'https://json-schema.org/draft/2020-12/schema',
		type: 'object',
		properties: {pair: {type: 'array', prefixItems: [{type: 'string'}, {type: 'integer'}]}},
	};
	t.deepEqual(validator.validate('pair', schema, {pair: ['a', 'b']}), ['property "pair[1]" must be integer, got the string "b"']);
});

test('a schema ajv cannot compile does not block the call; the problem is logged', t => {
	const warnings: string[] = [];
	const logger = {...silentLogger, warn: (message: string) => warnings.push(message)};
	const validator = new ArgsValidator(logger);
	t.deepEqual(validator.validate('odd', {type: 'object', properties: {a: {$ref: '#/nowhere'}}}, {a: 1}), []);
	t.is(warnings.length, 1);
	t.regex(warnings[0]!, /cannot compile the input schema of tool "odd"/);
});

test('propertyPath turns JSON pointers into readable paths', t => {
	t.is(propertyPath(''), '');
	t.is(propertyPath('/fields/0/name'), 'fields[0].name');
	t.is(propertyPath('/a~1b/c~0d'), 'a/b.c~d');
});
