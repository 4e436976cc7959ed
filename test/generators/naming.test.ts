import test from 'ava';
import {camelize, humanize, inspectAtom, isValidModuleName, underscore} from '../../source/generators/naming.js';
import {requireElixir, runElixir} from '../helpers/elixir.js';

test('underscore follows Macro.underscore', t => {
	const cases: Array<[string, string]> = [
		['Blog.Post', 'blog/post'],
		['UserProfile', 'user_profile'],
		['HTTPClient', 'http_client'],
		['OAuth2Token', 'o_auth2_token'],
		['Post2', 'post2'],
		['Site.Blog', 'site/blog'],
		['Blog.Admin.User', 'blog/admin/user'],
		['ABC', 'abc'],
		['MyAPIKey', 'my_api_key'],
		['Foo_Bar', 'foo__bar'],
		['HTTP2Client', 'http2_client'],
		['', ''],
	];
	for (const [input, expected] of cases) t.is(underscore(input), expected, input);
});

test('camelize follows Macro.camelize', t => {
	const cases: Array<[string, string]> = [
		['blog_posts', 'BlogPosts'],
		['user_v2_items', 'UserV2Items'],
		['my__app', 'MyApp'],
		['_foo', 'Foo'],
		['foo_', 'Foo'],
		['foo_1_bar', 'Foo1Bar'],
		['foo/bar_baz', 'Foo.BarBaz'],
		['posts', 'Posts'],
		['', ''],
	];
	for (const [input, expected] of cases) t.is(camelize(input), expected, input);
});

test('humanize drops _id, spaces words and capitalizes', t => {
	t.is(humanize('user_profile_id'), 'User profile');
	t.is(humanize('user_profile'), 'User profile');
	t.is(humanize('blog_posts'), 'Blog posts');
	t.is(humanize('post'), 'Post');
	t.is(humanize('HTTP_client'), 'Http client');
});

test('inspectAtom prints atoms as inspect does', t => {
	t.is(inspectAtom('draft'), ':draft');
	t.is(inspectAtom('in-progress'), ':"in-progress"');
	t.is(inspectAtom('ok?'), ':ok?');
	t.is(inspectAtom('123'), ':"123"');
	t.is(inspectAtom('Foo'), ':Foo');
	t.is(inspectAtom('nil'), 'nil');
	t.is(inspectAtom('a"b'), ':"a\\"b"');
	t.is(inspectAtom('#{x}'), ':"\\#{x}"');
});

test("isValidModuleName uses Phoenix's module regex", t => {
	for (const ok of ['Post', 'Blog.Post', 'Blog.Admin.User', 'V2', 'A_b.C9']) t.true(isValidModuleName(ok), ok);
	for (const bad of ['post', 'Blog.post', 'Blog..Post', '.Blog', 'Blog.', 'Blog-Post', 'Blog Post', '', 'Élan', '9Post']) t.false(isValidModuleName(bad), bad);
});

// One Elixir process checks many inputs against the real Macro and inspect functions.
test('naming matches real Elixir on a batch of inputs', async t => {
	if (!requireElixir(t)) return;
	const words = ['Blog.Post', 'HTTPClient', 'OAuth2Token', 'Post2', 'Foo_Bar', 'HTTP_Client', 'A1B', 'AB1C', 'Ab.CD.eF', 'PostV2Item', 'X', 'fOO'];
	const camels = ['blog_posts', 'user_v2_items', 'my__app', '_foo', 'foo__', 'a/b_c', 'FOO_bar', 'foo_Bar', '__x__', 'x9_y'];
	const atoms = ['draft', 'in-progress', 'ok?', 'ok!', 'Foo', 'foo@bar', '123', 'a b', 'nil', 'true', 'olá', '+', 'foo?bar', '_x', 'a#{b}', 'q"x', 'back\\slash', 'Elixir.Foo', 'x\ny'];
	const lines = [...words.map(w => 'U' + Buffer.from(w).toString('base64')), ...camels.map(w => 'C' + Buffer.from(w).toString('base64')), ...atoms.map(w => 'A' + Buffer.from(w).toString('base64'))];
	const output = await runElixir(
		`for <<k, rest::binary>> <- System.argv() do
  v = Base.decode64!(rest)
  r = case k do
    ?U -> Macro.underscore(v)
    ?C -> Macro.camelize(v)
    ?A -> inspect(String.to_atom(v))
  end
  IO.puts(Base.encode64(r))
end`,
		lines,
	);
	const elixir = output
		.trim()
		.split('\n')
		.map(line => Buffer.from(line, 'base64').toString());
	const ours = [...words.map(underscore), ...camels.map(camelize), ...atoms.map(inspectAtom)];
	t.deepEqual(ours, elixir);
});
