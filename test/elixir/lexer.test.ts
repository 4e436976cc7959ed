// The one Elixir tokenizer: the `end` that closes a module is found among strings, heredocs,
// sigils, charlists, comments, ?-char literals and atoms; checked against real Elixir.
import test from 'ava';
import fc from 'fast-check';
import {tokenize} from '../../source/elixir/lexer.js';
import {structure} from '../../source/elixir/structure.js';
import {GeneratorError} from '../../source/generators/errors.js';
import {injectBeforeFinalEnd} from '../../source/generators/inject.js';
import {parseElixirTexts, requireElixir} from '../helpers/elixir.js';

/** Statements that hide `end`, `do`, `fn`, `#` or a closing delimiter where a text search sees them. */
const TRICKY = [
	'x = "the end"',
	'x = "#{"end"} end #{"}"}"',
	"x = 'end'",
	"x = 'a#{:end}b'",
	'x = :end',
	'x = :"end do"',
	'x = [end: 1, do: 2, fn: 3]',
	'x = %{"end": 1}',
	'x = ?e',
	'x = [?#, :end]',
	'x = ?\\s',
	'x = ?"',
	'x = ~s(end)',
	'x = ~S[end]',
	'x = ~r/end\\/x/i',
	'x = ~w|do end|a',
	'x = ~s{a\\}end}',
	'x = ~c<end>',
	'x = ~S"end\\"do"',
	'x = ~s/#{"/"}end/',
	'x = """\n  end\n  do """ end\n  """',
	"x = '''\n  end\n  '''",
	'x = ~S"""\n  end"""\n  """',
	'# end do fn',
	'x = fn -> :end end',
	'x = fn a, b -> a + b end.(1, 2)',
	'x = if true, do: :end, else: :do',
	'x = case 1 do\n      1 -> "end"\n      _ -> :do\n    end',
	'x = a.end',
	'x = 1..10//2',
	'x = "a\\"end"',
	'x = "\\\\"',
	'x = 0x1F + 1_000 + 1.5e3',
	'x = quote do: unquote(:end)',
	'x = <<1, 2>> <> "end"',
	'@doc """\n  The end.\n  """',
	'x = "multi\nline end\n"',
	'x = Kernel.+(1, 2)',
	'x = :+',
	'x = :"#{"end"}"',
	'x = for y <- [1], do: y',
	'x = &Enum.map/2',
];

const TRAILERS = ['', '\n', '\n# this is the end\n', '# end', '\n\n  # end of file: end\n\n'];
const BLOCK = '\n  def injected, do: :ok\n';

function moduleWith(statements: string[], trailer: string): {source: string; endOffset: number} {
	const head = `defmodule A do\n  def f do\n${statements.map(statement => `    ${statement}`).join('\n')}\n  end\n`;
	return {source: `${head}end${trailer}`, endOffset: head.length};
}

const moduleArbitrary = fc.record({
	statements: fc.array(fc.constantFrom(...TRICKY), {minLength: 0, maxLength: 8}),
	trailer: fc.constantFrom(...TRAILERS),
});

test('every tricky statement: the module and its closing end are found, injection lands before it', t => {
	for (const statement of TRICKY) {
		for (const trailer of TRAILERS) {
			const {source, endOffset} = moduleWith([statement], trailer);
			const found = structure(source);
			t.is(found.error, undefined, `${statement}: ${found.error?.message}`);
			t.deepEqual(
				found.modules.map(module => [module.name, module.endOffset]),
				[['A', endOffset]],
				statement,
			);
			const injected = injectBeforeFinalEnd(source, BLOCK, 'The file');
			const after = source.slice(endOffset + 3);
			t.is(injected, source.slice(0, endOffset) + BLOCK + 'end' + (after.trim() === '' ? '\n' : after.endsWith('\n') ? after : `${after}\n`));
		}
	}
});

test('property: any mix of tricky statements and trailers injects right before the real end, and Elixir parses it', async t => {
	const samples = fc.sample(moduleArbitrary, {numRuns: 150, seed: 7});
	const injected: Array<{path: string; content: string}> = [];
	for (const [index, {statements, trailer}] of samples.entries()) {
		const {source, endOffset} = moduleWith(statements, trailer);
		const result = injectBeforeFinalEnd(source, BLOCK, 'The file');
		t.truthy(result);
		t.true(result!.startsWith(source.slice(0, endOffset) + BLOCK + 'end'), statements.join(' | '));
		t.is(structure(result!).error, undefined);
		injected.push({path: `case_${index}.ex`, content: result!});
	}

	// Phoenix's parity case: a file ending in `end` and whitespace gets exactly "block + end\n".
	t.is(injectBeforeFinalEnd('defmodule A do\nend \n\t\n', BLOCK), `defmodule A do\n${BLOCK}end\n`);
	if (requireElixir(t)) t.deepEqual(await parseElixirTexts(injected), []);
});

/** Broken statements: each leaves something unclosed or closes what is not open. */
const BROKEN = ['x = "unclosed', 'x = ~s(unclosed', 'x = """\n  never closed', "x = 'open", 'x = (1 + 2', 'x = [1, 2', 'end', 'x = fn -> 1', 'x = ~S"""\n  no end', 'x = "#{"}', ')'];

test('each broken statement alone makes the structural check fail, naming a line', t => {
	for (const broken of BROKEN) {
		const error = structure(moduleWith([broken], '\n').source).error;
		t.truthy(error, broken);
		t.true(error!.line >= 1);
	}
});

test('property: our structural check and Code.string_to_quoted agree on random broken and sound modules', async t => {
	const arbitrary = fc.record({
		statements: fc.array(fc.constantFrom(...TRICKY), {maxLength: 5}),
		broken: fc.option(fc.constantFrom(...BROKEN), {nil: undefined}),
		at: fc.nat(5),
		trailer: fc.constantFrom(...TRAILERS),
	});
	const samples = fc.sample(arbitrary, {numRuns: 200, seed: 11});
	const texts = samples.map(({statements, broken, at, trailer}, index) => {
		const list = [...statements];
		if (broken !== undefined) list.splice(Math.min(at, list.length), 0, broken);
		return {path: `case_${index}.ex`, content: moduleWith(list, trailer).source};
	});
	// A broken statement can be healed by a later one (an open heredoc closed by a later `"""`):
	// Elixir is the judge of which texts are broken.
	if (!requireElixir(t)) return;
	const failures = new Set((await parseElixirTexts(texts)).map(failure => failure.file));
	t.true(failures.size > 20 && failures.size < texts.length - 20, `a mix of both: ${failures.size} of ${texts.length} broken`);
	for (const text of texts) t.is(structure(text.content).error !== undefined, failures.has(text.path), text.content);
});

test('property: the tokenizer never throws, and its tokens are ordered slices of the source', t => {
	fc.assert(
		fc.property(fc.string({unit: fc.constantFrom('d', 'o', 'e', 'n', ' ', '\n', '"', "'", '#', '{', '}', '(', ')', '~', 's', 'S', '/', '\\', ':', '?', 'f')}), source => {
			const {tokens} = tokenize(source);
			let last = 0;
			for (const token of tokens) {
				if (token.start < last || token.end <= token.start || token.text !== source.slice(token.start, token.end)) return false;
				last = token.end;
			}

			structure(source);
			return true;
		}),
		{numRuns: 2000, seed: 3},
	);
	t.pass();
});

test('the issue case: a context ending with "# this is the end" gets its functions inside the module', t => {
	const context = 'defmodule MyApp.Blog do\n  alias MyApp.Repo\nend\n# this is the end\n';
	t.is(injectBeforeFinalEnd(context, BLOCK, 'The file lib/my_app/blog.ex', 'MyApp.Blog'), `defmodule MyApp.Blog do\n  alias MyApp.Repo\n${BLOCK}end\n# this is the end\n`);
});

test('the named module is the one injected into, even when another module follows it', t => {
	const source = 'defmodule MyApp.Blog do\n  def a, do: 1\nend\n\ndefmodule MyApp.Blog.Helper do\n  def end_of(x), do: x\nend\n';
	t.is(injectBeforeFinalEnd(source, BLOCK, 'The file', 'MyApp.Blog'), `defmodule MyApp.Blog do\n  def a, do: 1\n${BLOCK}end\n\ndefmodule MyApp.Blog.Helper do\n  def end_of(x), do: x\nend\n`);
	t.throws(() => injectBeforeFinalEnd(source, BLOCK, 'The file lib/x.ex', 'MyApp.Other'), {instanceOf: GeneratorError, message: /does not define the module MyApp\.Other/});
});

test('nested modules are found with their depth and their top-level `use`s', t => {
	const found = structure('defmodule A.B do\n  use Ecto.Schema\n  import Ecto.Changeset\n  defmodule Inner do\n    use GenServer\n  end\n  def f do\n    use Nope\n  end\nend\n');
	t.deepEqual(
		found.modules.map(module => [module.name, module.depth]),
		[
			['A.B', 0],
			['Inner', 1],
		],
	);
});

/** Written the way real projects are: LiveView templates, doc heredocs, sigils, guards, char codes. */
const NASTY = `defmodule MyAppWeb.PostLive.Index do
  @moduledoc """
  Lists posts. Ends with \`end\`:

      defmodule Example do
      end
  """
  use MyAppWeb, :live_view

  @end_marker ~S"""
  end """ do
  """

  @impl true
  def render(assigns) do
    ~H"""
    <.header>
      Listing Posts <%= if @end?, do: "(end)", else: "" %>
      <:actions>
        <.link patch={~p"/posts/new"}>New Post</.link>
      </:actions>
    </.header>
    """
  end

  def classify(?#), do: :hash
  def classify(?"), do: :quote
  def classify(?\\\\), do: :backslash
  def classify(c) when c in ?a..?z, do: :lower
  def classify(_), do: :end

  def keywords, do: [do: 1, end: 2, fn: 3, "end": 4]
  def atoms, do: [:end, :do, :"end do", :fn, :+, :<<>>, :%{}]
  def regex, do: ~r/^end(\\/do)?$/i
  def words, do: ~w(do end fn)a
  def charlist, do: 'do #{:end} end'
  def nested, do: "#{"#{"end"}"}"
  def remote(map), do: map.end
  def pipe(x), do: x |> then(fn y -> y end) |> Kernel.+(1)
  def multi, do: """
  """

  defp typed(x) :: integer, do: x
end
# end
`;

test('nasty real-world files, and every Elixir file of the fixture projects: modules found, no error, as Elixir says', async t => {
	const {readdir, readFile} = await import('node:fs/promises');
	const {join} = await import('node:path');
	const {packageRoot} = await import('../../source/package-root.js');
	const files: Array<{path: string; content: string}> = [{path: 'nasty.ex', content: NASTY}];
	const walk = async (folder: string): Promise<void> => {
		for (const entry of await readdir(folder, {withFileTypes: true})) {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) await walk(path);
			else if (/\.exs?$/.test(entry.name)) files.push({path, content: await readFile(path, 'utf8')});
		}
	};

	await walk(join(packageRoot(), 'fixtures', 'phoenix'));
	t.true(files.length > 20);
	for (const file of files) t.is(structure(file.content).error, undefined, `${file.path}: ${structure(file.content).error?.message}`);
	t.deepEqual(
		structure(NASTY).modules.map(module => module.name),
		['MyAppWeb.PostLive.Index'],
	);
	const injected = injectBeforeFinalEnd(NASTY, BLOCK, 'nasty.ex', 'MyAppWeb.PostLive.Index')!;
	t.true(injected.endsWith(`${BLOCK}end\n# end\n`));
	if (requireElixir(t)) t.deepEqual(await parseElixirTexts([...files, {path: 'injected.ex', content: injected}].map((file, index) => ({path: `${index}.ex`, content: file.content}))), []);
});
