import test from 'ava';
import {cleanSchemaForGemini} from '../../source/llm/json-schema.js';

test('drops $schema, $id and additionalProperties: false; keeps the useful keywords', t => {
	const input = {
		$schema: 'http://json-schema.org/draft-07/schema#',
		$id: 'urn:tool',
		type: 'object',
		description: 'Arguments',
		properties: {
			project_path: {type: 'string', description: 'Absolute path', minLength: 1},
			dry_run: {type: 'boolean', default: false},
			count: {type: 'integer', minimum: 0, maximum: 10, exclusiveMinimum: 0},
		},
		required: ['project_path'],
		additionalProperties: false,
	};
	const before = structuredClone(input);
	t.deepEqual(cleanSchemaForGemini(input), {
		type: 'object',
		description: 'Arguments',
		properties: {
			project_path: {type: 'string', description: 'Absolute path', minLength: 1},
			dry_run: {type: 'boolean', default: false},
			count: {type: 'integer', minimum: 0, maximum: 10},
		},
		required: ['project_path'],
	});
	t.deepEqual(input, before, 'the input is not modified');
});

test('inlines local $refs from definitions and $defs and drops the definitions', t => {
	const cleaned = cleanSchemaForGemini({
		type: 'object',
		properties: {
			attr: {$ref: '#/definitions/Attr'},
			other: {$ref: '#/$defs/Other', description: 'sibling wins'},
		},
		definitions: {Attr: {type: 'string', pattern: '^[a-z_]+'}},
		$defs: {Other: {type: 'number', description: 'from def'}},
	});
	t.deepEqual(cleaned, {
		type: 'object',
		properties: {
			attr: {type: 'string', pattern: '^[a-z_]+'},
			other: {type: 'number', description: 'sibling wins'},
		},
	});
});

test('a recursive $ref becomes a loose object instead of looping', t => {
	const cleaned = cleanSchemaForGemini({
		type: 'object',
		properties: {tree: {$ref: '#/definitions/Node'}},
		definitions: {
			Node: {type: 'object', properties: {name: {type: 'string'}, children: {type: 'array', items: {$ref: '#/definitions/Node'}}}},
		},
	});
	const tree = (cleaned['properties'] as Record<string, Record<string, unknown>>)['tree']!;
	t.is(tree['type'], 'object');
	const children = (tree['properties'] as Record<string, Record<string, unknown>>)['children']!;
	t.deepEqual(children['items'], {type: 'object', description: 'A Node (recursive schema, not expanded).'});
	t.false(JSON.stringify(cleaned).includes('$ref'));
});

test('nullable type arrays, oneOf, const and allOf are turned into forms Gemini accepts', t => {
	const cleaned = cleanSchemaForGemini({
		type: 'object',
		properties: {
			maybe: {type: ['string', 'null']},
			either: {oneOf: [{type: 'string'}, {type: 'integer'}]},
			optional: {anyOf: [{type: 'string', format: 'date-time'}, {type: 'null'}]},
			fixed: {const: 'v1'},
			mixed: {type: ['string', 'number']},
			merged: {allOf: [{type: 'object', properties: {a: {type: 'string'}}, required: ['a']}, {properties: {b: {type: 'number'}}}]},
		},
	});
	t.deepEqual(cleaned['properties'], {
		maybe: {type: 'string', nullable: true},
		either: {anyOf: [{type: 'string'}, {type: 'integer'}]},
		optional: {nullable: true, type: 'string', format: 'date-time'},
		fixed: {enum: ['v1'], type: 'string'},
		mixed: {anyOf: [{type: 'string'}, {type: 'number'}]},
		merged: {type: 'object', properties: {a: {type: 'string'}, b: {type: 'number'}}, required: ['a']},
	});
});

test('unknown formats move to the description; required keeps only declared properties; arrays get items', t => {
	const cleaned = cleanSchemaForGemini({
		type: 'object',
		properties: {
			path: {type: 'string', format: 'file-path', description: 'Where'},
			tags: {type: 'array'},
			pair: {type: 'array', items: [{type: 'string'}, {type: 'number'}]},
			map: {type: 'object', additionalProperties: {type: 'string', $comment: 'x'}},
		},
		required: ['path', 'ghost'],
	});
	t.deepEqual(cleaned, {
		type: 'object',
		properties: {
			path: {type: 'string', description: 'Where (format: file-path)'},
			tags: {type: 'array', items: {}},
			pair: {type: 'array', items: {type: 'string'}},
			map: {type: 'object', additionalProperties: {type: 'string'}},
		},
		required: ['path'],
	});
});

test('an empty or typeless schema becomes an object with no properties', t => {
	t.deepEqual(cleanSchemaForGemini({}), {type: 'object', properties: {}});
	t.deepEqual(cleanSchemaForGemini({$schema: 'x', properties: {a: {type: 'string'}}}), {properties: {a: {type: 'string'}}, type: 'object'});
});

test('a schema shaped like the tool servers (zod-to-json-schema output) comes out clean', t => {
	const zodLike = {
		$schema: 'http://json-schema.org/draft-07/schema#',
		type: 'object',
		properties: {
			project_path: {type: 'string', description: 'Absolute path of the Phoenix project'},
			attrs: {type: 'array', items: {type: 'string'}, description: 'title:string ...'},
			overwrite: {type: 'boolean'},
		},
		required: ['project_path', 'attrs'],
		additionalProperties: false,
	};
	const text = JSON.stringify(cleanSchemaForGemini(zodLike));
	t.false(text.includes('$schema'));
	t.false(text.includes('additionalProperties'));
	t.true(text.includes('"required":["project_path","attrs"]'));
});
