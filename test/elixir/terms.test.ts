// The config-file reader reads the lexer's tokens, so a remote call named `end` (`x.end`)
// neither closes a block nor ends an argument early.
import test from 'ava';
import {topLevelCalls} from '../../source/elixir/terms.js';

test('a .end call inside a do block does not end the block', t => {
	const source = ['if config_env() == :prod do', '  last = Range.end', '  config :my_app, inside: true', 'end', 'config :my_app, outside: 1', ''].join('\n');
	const calls = topLevelCalls(source, ['config']);
	t.deepEqual(
		calls.map(call => call.line),
		[5],
	);
	t.deepEqual(calls[0]!.args, [
		{kind: 'atom', value: 'my_app'},
		{kind: 'keyword', entries: [['outside', {kind: 'number', value: 1}]]},
	]);
});

test('a .end call in an argument does not swallow the calls after it', t => {
	const source = ['config :my_app, last: range.end', 'config :my_app, next: 2', ''].join('\n');
	const calls = topLevelCalls(source, ['config']);
	t.deepEqual(
		calls.map(call => [call.line, call.args]),
		[
			[
				1,
				[
					{kind: 'atom', value: 'my_app'},
					{kind: 'keyword', entries: [['last', {kind: 'opaque', source: 'range.end'}]]},
				],
			],
			[
				2,
				[
					{kind: 'atom', value: 'my_app'},
					{kind: 'keyword', entries: [['next', {kind: 'number', value: 2}]]},
				],
			],
		],
	);
});
