import test from 'ava';
import {tableColumns} from '../../source/phoenix-project/table-columns.js';

test('columns of a table across create, alter, remove and rename; other tables are ignored', t => {
	const found = tableColumns('posts', [
		{
			path: 'm/1_create_posts.exs',
			text: 'def change do\n    create table(:posts, primary_key: false) do\n      add :id, :binary_id, primary_key: true\n      add :title, :string\n      add :draft, :boolean\n\n      timestamps()\n    end\n  end\n',
		},
		{path: 'm/2_create_post_tags.exs', text: '    create table(:post_tags) do\n      add :tag, :string\n    end\n'},
		{path: 'm/3_change.exs', text: '    alter table("posts") do\n      add_if_not_exists :slug, :string\n      remove :draft\n    end\n    rename table(:posts), :title, to: :headline\n'},
	]);
	t.deepEqual(found.creators, ['m/1_create_posts.exs']);
	t.deepEqual([...found.columns.entries()].sort(), [
		['headline', 'm/3_change.exs'],
		['id', 'm/1_create_posts.exs'],
		['slug', 'm/3_change.exs'],
	]);
	t.deepEqual(tableColumns('comments', [{path: 'x', text: '    create table(:posts) do\n      add :body, :text\n    end\n'}]), {creators: [], columns: new Map()});
});
