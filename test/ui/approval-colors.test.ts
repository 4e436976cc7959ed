import test from 'ava';
import {highlightElixir} from '../../source/ui/components/elixir-colors.js';

const plain = (text: string) => text.replace(/\u001B\[\d+m/g, '');

const source = `defmodule MyApp.Blog.Post do
  use Ecto.Schema
  @moduledoc """
  A post, with "quotes" and end inside
  """
  # end in a comment
  schema "posts" do
    field :title, :string, default: "end"
    field :views, :integer, default: 0
  end

  def x(post), do: post.end
end
`;

test('the colours come from our lexer and leave the text as it was', t => {
	const coloured = highlightElixir(source);
	t.is(plain(coloured), source);
	t.true(coloured.startsWith('\u001B[35mdefmodule\u001B[0m \u001B[33mMyApp\u001B[0m'));
	t.true(coloured.includes('\u001B[36m:title\u001B[0m'));
	t.true(coloured.includes('\u001B[32m"end"\u001B[0m'), 'a string is a string, whatever it holds');
	t.true(coloured.includes('\u001B[90m# end in a comment\u001B[0m'));
	t.true(coloured.includes('\u001B[34m0\u001B[0m'));
	t.true(coloured.includes('post.end'), 'a remote call named end is no keyword');
});

test('a colour never runs past the end of a line, so lines can be shown one by one', t => {
	for (const line of highlightElixir(source).split('\n')) {
		const opened = line.match(/\u001B\[3\dm|\u001B\[90m/g)?.length ?? 0;
		const closed = line.match(/\u001B\[0m/g)?.length ?? 0;
		t.is(opened, closed, line);
	}
});

test('past a lexical error the rest is plain, and nothing is lost', t => {
	const broken = 'def x do\n  "never closed\nend\n';
	const coloured = highlightElixir(broken);
	t.is(plain(coloured), broken);
	t.true(coloured.endsWith('"never closed\nend\n'));
});
