import test from 'ava';
import {planOf, tablesOf} from './plan-of.js';

test('a Rails migration: null: false, default:, references with foreign_key, add_index unique', t => {
	const text = `class CreateArticles < ActiveRecord::Migration[7.1]
  def change
    create_table :articles do |t|
      t.string :title, null: false, limit: 120
      t.text :body
      t.integer :views_count, null: false, default: 0
      t.boolean :published, default: false, null: false
      t.references :user, null: false, foreign_key: true
      t.belongs_to :editor, foreign_key: { to_table: :users }
      t.datetime :published_at
      t.timestamps
    end
    add_index :articles, :title, unique: true
  end
end`;
	t.deepEqual(tablesOf(text), {
		articles:
			'title:string:unique body:text:optional views_count:integer:default:0 published:boolean:default:false user_id:references:users editor_id:references:users:optional published_at:utc_datetime:optional',
		users: '',
	});
});

test('schema.rb: quoted names, force: :cascade, id: :uuid, t.index unique pairs, jsonb and arrays', t => {
	const planned = planOf(`ActiveRecord::Schema[7.0].define(version: 2023_01_01_000000) do
  create_table "memberships", id: :uuid, force: :cascade do |t|
    t.uuid "team_id", null: false
    t.uuid "person_id", null: false
    t.string "role", default: "member", null: false
    t.jsonb "settings", default: {}
    t.string "labels", array: true
    t.index ["team_id", "person_id"], name: "index_memberships_on_team_id_and_person_id", unique: true
  end
end`);
	if ('refused' in planned) return t.fail(planned.refused);
	t.true(planned.binaryId);
	t.deepEqual(planned.tables, {memberships: 'team_id:uuid person_id:uuid role:string:default:member settings:map:optional labels:array:string:optional'});
	t.deepEqual(planned.pairs, {memberships: [['team_id', 'person_id']]});
	t.true(planned.assumptions.some(text => text.startsWith('settings: default {}')));
});

test('schema.rb: add_foreign_key makes the bigint column a reference (column: names another column)', t => {
	const planned = planOf(
		'create_table "line_items", force: :cascade do |t|\n  t.bigint "order_id", null: false\n  t.bigint "buyer_id"\n  t.integer "quantity", default: 1, null: false\nend\nadd_foreign_key "line_items", "orders"\nadd_foreign_key "line_items", "users", column: "buyer_id"',
	);
	if ('refused' in planned) return t.fail(planned.refused);
	t.is(planned.tables.line_items, 'order_id:references:orders buyer_id:references:users:optional quantity:integer:default:1');
	t.false(planned.assumptions.some(line => line.startsWith('order_id: bigint')));
});

test('schema.rb: add_foreign_key declares a reference (the default column, or the column: it names), to a pasted table or a minimal one', t => {
	const planned = planOf(`ActiveRecord::Schema[7.1].define(version: 2024_02_02_000000) do
  create_table "kennels", force: :cascade do |t|
    t.string "name", null: false
  end

  create_table "dogs", force: :cascade do |t|
    t.string "name", null: false
    t.bigint "kennel_id", null: false
    t.bigint "groomer_ref"
  end

  add_foreign_key "dogs", "kennels"
  add_foreign_key "dogs", "staff_members", column: "groomer_ref"
end`);
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.tables, {kennels: 'name:string', dogs: 'name:string kennel_id:references:kennels groomer_ref:references:staff_members:optional', staff_members: ''});
	t.false(planned.assumptions.some(line => line.startsWith('kennel_id: bigint')));
});
