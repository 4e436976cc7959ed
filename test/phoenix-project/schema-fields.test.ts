import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import test from 'ava';
import {inspectProject} from '../../source/phoenix-project/read-project.js';
import {migrationReferences, schemaFileFields} from '../../source/phoenix-project/schema-fields.js';
import {copyFixtureProject} from '../helpers/phoenix-project.js';

const comment = `defmodule MyApp.Blog.Comment do
  use Ecto.Schema
  import Ecto.Changeset

  schema "comments" do
    field :body, :string
    field :tags, {:array, :string}
    field :status, Ecto.Enum, values: [:draft, :published]
    field :post_id, :id
    belongs_to :author, MyApp.Accounts.User, foreign_key: :written_by

    timestamps(type: :utc_datetime)
  end
end
`;

const migration = `defmodule MyApp.Repo.Migrations.CreateComments do
  use Ecto.Migration

  def change do
    create table(:comments) do
      add :body, :string
      add :post_id, references(:posts, on_delete: :nothing)

      timestamps(type: :utc_datetime)
    end

    create index(:comments, [:post_id])
  end
end
`;

test('a schema file gives its fields with their types, and belongs_to as a foreign key to a module', t => {
	t.deepEqual(schemaFileFields(comment), {
		fields: [
			{name: 'body', type: 'string'},
			{name: 'tags', type: '{:array, :string}'},
			{name: 'status', type: 'Ecto.Enum'},
			{name: 'post_id', type: 'id'},
			{name: 'written_by', type: 'id'},
		],
		references: [{field: 'written_by', module: 'MyApp.Accounts.User'}],
	});
});

test('migrations give the tables their foreign keys point at', t => {
	const found = migrationReferences([migration, 'create table(:tags) do\n  add :name, :string\nend\n']);
	t.deepEqual(
		[...found.entries()].map(([table, columns]) => [table, [...columns.entries()]]),
		[['comments', [['post_id', 'posts']]]],
	);
});

test('inspect_project lists each schema with its fields and its references from the migrations', async t => {
	const root = await copyFixtureProject(t, 'with_context');
	await writeFile(join(root, 'lib/my_app/blog/comment.ex'), comment);
	await mkdir(join(root, 'priv/repo/migrations'), {recursive: true});
	await writeFile(join(root, 'priv/repo/migrations/20250701000000_create_comments.exs'), migration);
	const found = await inspectProject(root);
	const comments = found.schemas.find(schema => schema.table === 'comments');
	t.deepEqual(comments?.references, [
		{field: 'written_by', module: 'MyApp.Accounts.User'},
		{field: 'post_id', table: 'posts'},
	]);
	t.is(comments?.fields.length, 5);
});
