/** One rule for every format: a referenced table the paste does not describe is planned minimal and stated, unless the project has it. */
import test from 'ava';
import {planOf} from './plan-of.js';

const minimal = (plural: string) => `${plural} is not described: a minimal table (id and timestamps), unless the project has ${plural}`;

const pastes: Array<[string, string, string, string]> = [
	['SQL REFERENCES', 'CREATE TABLE loans (\n  id serial PRIMARY KEY,\n  patron_id integer NOT NULL REFERENCES patrons(id),\n  due_on date NOT NULL\n);', 'loans', 'patrons'],
	['Rails t.references', 'create_table :stops do |t|\n  t.references :route, null: false, foreign_key: true\n  t.integer :position, null: false\nend', 'stops', 'routes'],
	[
		'Prisma @relation',
		'model Review {\n  id      Int    @id @default(autoincrement())\n  stars   Int\n  venue   Venue  @relation(fields: [venueId], references: [id])\n  venueId Int\n}',
		'reviews',
		'venues',
	],
	[
		'Ecto belongs_to',
		'defmodule Zoo.Care.Feeding do\n  use Ecto.Schema\n  schema "feedings" do\n    field :grams, :integer\n    belongs_to :keeper, Zoo.Care.Keeper\n  end\nend',
		'feedings',
		'keepers',
	],
	['mix phx.gen', 'mix phx.gen.schema Farm.Harvest harvests kilos:decimal field_id:references:plots', 'harvests', 'plots'],
	['markdown FK', '## Firings\n\n| column | type |\n|---|---|\n| kiln_id | FK kilns |\n| fired_on | date |', 'firings', 'kilns'],
];

for (const [format, text, table, target] of pastes) {
	test(`${format}: an undescribed referenced table is a minimal table, stated`, t => {
		const planned = planOf(text);
		if ('refused' in planned) return t.fail(planned.refused);
		t.true(planned.tables[table]?.includes(`:references:${target}`), planned.tables[table]);
		t.is(planned.tables[target], '');
		t.true(planned.assumptions.includes(minimal(target)));
	});

	test(`${format}: a referenced table the project has is not planned again`, t => {
		const planned = planOf(text, new Set([target]));
		if ('refused' in planned) return t.fail(planned.refused);
		t.deepEqual(Object.keys(planned.tables), [table]);
		t.deepEqual(planned.undescribed, [target]);
	});
}

test('a minimal table named from a module takes the context of the schema that names it', t => {
	const planned = planOf('defmodule Port.Berths.Mooring do\n  use Ecto.Schema\n  schema "moorings" do\n    field :depth_m, :float\n    belongs_to :vessel, Port.Berths.Vessel\n  end\nend');
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.contexts, {moorings: 'Berths', vessels: 'Berths'});
});

test('a table the paste describes after the one that references it is not planned twice', t => {
	const planned = planOf(
		'CREATE TABLE bids (id serial PRIMARY KEY, lot_id integer NOT NULL REFERENCES lots(id), amount numeric(10,2) NOT NULL);\nCREATE TABLE lots (id serial PRIMARY KEY, title text NOT NULL);',
	);
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.tables, {bids: 'lot_id:references:lots amount:decimal', lots: 'title:text'});
	t.false(planned.assumptions.includes(minimal('lots')));
});

test('an Ecto belongs_to to a module of another context plans its minimal table in that context', t => {
	const planned = planOf(
		'defmodule Clinic.Records.Note do\n  use Ecto.Schema\n  schema "notes" do\n    field :body, :string\n    belongs_to :author, Clinic.Staff.Nurse\n    belongs_to :visit, Clinic.Records.Visit\n  end\nend',
	);
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.contexts, {nurses: 'Staff', visits: 'Records', notes: 'Records'});
	t.is(planned.tables.notes, 'body:string author_id:references:nurses visit_id:references:visits');
});
