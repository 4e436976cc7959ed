import test from 'ava';
import {renderMigration} from '../../source/generators/migration.js';
import type {ProjectInfo} from '../../source/generators/project-info.js';
import {renderSchema} from '../../source/generators/schema.js';
import {buildSchemaSpec} from '../../source/generators/schema-spec.js';
import {ATTRIBUTE_SYNTAX, AttributeError, checkAttr, formatAttr, parseAttr} from '../../source/grammar/attribute.js';
import {parseElixirTexts, requireElixir} from '../helpers/elixir.js';

const project = {app: 'my_app', base: 'MyApp', repo: 'MyApp.Repo', scopes: []} as unknown as ProjectInfo;

test(':default:VALUE and :optional are read after the type, before the flags', t => {
	t.like(parseAttr('quantity:integer:default:0'), {name: 'quantity', type: 'integer', default: '0'});
	t.like(parseAttr('notes:text:optional'), {name: 'notes', type: 'text', optional: true});
	t.like(parseAttr('code:string:default:EUR:optional:unique'), {type: 'string', default: 'EUR', optional: true, unique: true});
	t.like(parseAttr('status:enum:open:closed:default:open'), {type: 'enum', values: ['open', 'closed'], default: 'open'});
	t.like(parseAttr('rate:decimal:default:0.5'), {default: '0.5'});
	t.like(parseAttr('on:boolean:default:true'), {default: 'true'});
});

test('inputs Phoenix accepts keep their Phoenix meaning', t => {
	// An enum value named default (with nothing after it, or not one of the values) stays a value.
	t.deepEqual(parseAttr('kind:enum:on:default').values, ['on', 'default']);
	t.deepEqual(parseAttr('kind:enum:a:default:b').values, ['a', 'default', 'b']);
	t.deepEqual(parseAttr('title'), {name: 'title', type: 'string', unique: false, redact: false});
	t.is(checkAttr('titleX:string').ok, true);
});

test('bad defaults name the value and what the type allows', t => {
	for (const [spec, fragment] of [
		['quantity:integer:default:lots', 'an integer'],
		['price:decimal:default:cheap', 'a number'],
		['on:boolean:default:yes', 'true or false'],
		['at:date:default:today', 'defaults work for'],
		['user_id:references:users:default:1', 'defaults work for'],
	] as const) {
		const error = t.throws(() => parseAttr(spec), {instanceOf: AttributeError});
		t.true(error!.message.includes(fragment), `${spec}: ${error!.message}`);
	}
});

test("the planner's former extras are refused by the one grammar", t => {
	for (const spec of ['end:string', 'tags:array:enum', 'items:array:references']) t.false(checkAttr(spec).ok, spec);
});

test('formatAttr writes the canonical form and round-trips', t => {
	for (const spec of ['title:string', 'tags:array:string', 'user_id:references:users:unique', 'status:enum:A:AB:default:AB:optional', 'n:integer:default:0:optional:unique:redact']) {
		t.is(formatAttr(parseAttr(spec)), spec);
	}
});

test('the syntax paragraph documents the extensions', t => {
	t.regex(ATTRIBUTE_SYNTAX, /:default:VALUE/);
	t.regex(ATTRIBUTE_SYNTAX, /:optional/);
});

test('defaults reach the schema field and the migration column; optional fields leave validate_required', async t => {
	const spec = buildSchemaSpec(project, {
		schema: 'Shop.Item',
		plural: 'items',
		attrs: [
			'quantity:integer:default:0',
			'notes:text:optional',
			'price:decimal:default:9.99',
			'ok:boolean:default:true',
			'label:string:default:a "#{x}"',
			'status:enum:open:closed:default:open',
			'w:float:default:1',
		],
	});
	const schema = renderSchema(spec).content;
	const migration = renderMigration(spec, '20260101000000').content;
	t.true(schema.includes('field :quantity, :integer, default: 0\n'));
	t.true(schema.includes('field :price, :decimal, default: Decimal.new("9.99")\n'));
	t.true(schema.includes('field :status, Ecto.Enum, values: [:open, :closed], default: :open\n'));
	t.true(schema.includes('field :w, :float, default: 1.0\n'));
	t.true(schema.includes('validate_required([:quantity, :price, :ok, :label, :status, :w])'));
	t.true(migration.includes('add :quantity, :integer, default: 0\n'));
	t.true(migration.includes('add :ok, :boolean, default: true, null: false\n'));
	t.true(migration.includes('add :status, :string, default: "open"\n'));
	t.true(migration.includes('add :label, :string, default: "a \\"\\#{x}\\""\n'));
	if (!requireElixir(t)) return;
	t.deepEqual(
		await parseElixirTexts([
			{path: 'item.ex', content: schema},
			{path: 'm.exs', content: migration},
		]),
		[],
	);
});

test('a schema whose every field is optional gets no invalid-data tests (nothing can be invalid)', async t => {
	const {renderTestCases} = await import('../../source/generators/context-test.js');
	const spec = buildSchemaSpec(project, {schema: 'Notes.Note', plural: 'notes', attrs: ['body:text:optional', 'pinned:boolean:optional']});
	const cases = renderTestCases({schema: spec, alias: 'Notes', module: 'MyApp.Notes'} as Parameters<typeof renderTestCases>[0]);
	t.false(cases.includes('with invalid data'), cases);
	t.false(cases.includes('@invalid_attrs'), cases);
	t.true(cases.includes('with valid data creates a note'));
	const required = buildSchemaSpec(project, {schema: 'Notes.Note', plural: 'notes', attrs: ['title', 'body:text:optional']});
	const kept = renderTestCases({schema: required, alias: 'Notes', module: 'MyApp.Notes'} as Parameters<typeof renderTestCases>[0]);
	t.true(kept.includes('create_note/1 with invalid data returns error changeset'));
	if (!requireElixir(t)) return;
	t.deepEqual(await parseElixirTexts([{path: 'cases.exs', content: `defmodule T do\n${cases}\nend\n`}]), []);
});
