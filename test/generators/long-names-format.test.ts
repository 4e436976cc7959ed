// Issue 16 item 5 with long names: every line whose length grows with the context, schema and
// parent names must be broken exactly as `mix format` breaks it (98 columns), for plain, linked
// and scoped generations alike.

import test from 'ava';
import {buildContextSpec, type ContextOptions, renderContextFiles} from '../../source/generators/context.js';
import {renderMigration} from '../../source/generators/migration.js';
import {renderSchema} from '../../source/generators/schema.js';
import type {GeneratedFile} from '../../source/generators/schema-spec.js';
import {mixFormatCheck, requireElixir} from '../helpers/elixir.js';
import {modernProject, scopedProject} from './projects.js';

const NOW = new Date('2025-06-09T13:45:00Z');

const PRODUCT_VARIANT_PARENT = {
	field: 'product_variant_id',
	module: 'MyApp.Catalog.ProductVariant',
	fixturesModule: 'MyApp.CatalogFixtures',
	fixture: 'product_variant_fixture',
};
const WAREHOUSE_PARENT = {
	field: 'warehouse_location_id',
	module: 'MyApp.Inventory.WarehouseLocation',
	fixturesModule: 'MyApp.InventoryFixtures',
	fixture: 'warehouse_location_fixture',
};

const LONG: ContextOptions = {
	context: 'Catalog',
	schema: 'ProductVariantOption',
	plural: 'product_variant_options',
	attrs: ['option_display_name:string', 'option_sort_position:integer', 'product_variant_id:references:product_variants'],
};

interface Case {
	name: string;
	options: Partial<ContextOptions>;
	scoped?: boolean;
}

const CASES: Case[] = [
	{name: 'plain', options: {}},
	{name: 'plain-scoped', options: {}, scoped: true},
	{name: 'linked', options: {parents: [PRODUCT_VARIANT_PARENT]}},
	{name: 'linked-scoped', options: {parents: [PRODUCT_VARIANT_PARENT]}, scoped: true},
	{
		name: 'linked-two-parents',
		options: {
			attrs: ['product_variant_id:references:product_variants', 'warehouse_location_id:references:warehouse_locations'],
			uniqueIndexes: [['product_variant_id', 'warehouse_location_id']],
			parents: [PRODUCT_VARIANT_PARENT, WAREHOUSE_PARENT],
		},
	},
	{
		name: 'linked-two-parents-scoped',
		options: {
			attrs: ['product_variant_id:references:product_variants', 'warehouse_location_id:references:warehouse_locations'],
			uniqueIndexes: [['product_variant_id', 'warehouse_location_id']],
			parents: [PRODUCT_VARIANT_PARENT, WAREHOUSE_PARENT],
		},
		scoped: true,
	},
	{name: 'nested-context', options: {context: 'Storefront.Catalog'}},
	// A unique field: the fixture's unique-value helper is named after the schema and the field.
	...[false, true].map(scoped => ({
		name: `unique${scoped ? '-scoped' : ''}`,
		options: {attrs: ['option_display_name_translation_key:string:unique', 'option_sort_position:integer:unique']},
		scoped,
	})),
	// Longer still: the scoped access lines (ownership checks, broadcasts, get_by!) grow past 98 too.
	...[false, true].map(scoped => ({
		name: `very-long${scoped ? '-scoped' : ''}`,
		options: {
			context: 'MerchandiseCatalogManagement',
			schema: 'ProductVariantOptionTranslation',
			plural: 'product_variant_option_translations',
			attrs: ['translated_option_display_name:string', 'product_variant_id:references:product_variants'],
			parents: [PRODUCT_VARIANT_PARENT],
		},
		scoped,
	})),
];

function render(testCase: Case): GeneratedFile[] {
	const spec = buildContextSpec(testCase.scoped ? scopedProject : modernProject, {...LONG, ...testCase.options});
	const files = renderContextFiles(spec, {}, {now: NOW});
	return [files.context, files.test, files.fixtures, renderSchema(spec.schema), renderMigration(spec.schema, '20250609134500')].map(file => ({
		path: `${testCase.name}/${file.path}`,
		content: file.content,
	}));
}

for (const testCase of CASES) {
	test(`long names, ${testCase.name}: every file is what mix format writes`, async t => {
		if (!requireElixir(t)) return;
		const files = render(testCase);
		const differing = await mixFormatCheck(files);
		// One comparison, so every unformatted file shows its difference.
		const written = differing.map(file => ({file: file.file, content: files.find(candidate => candidate.path === file.file)!.content}));
		t.deepEqual(
			written,
			differing.map(file => ({file: file.file, content: file.formatted})),
		);
	});
}
