/**
 * The parse check's warm Elixir process: one process answers many checks, a file that does not
 * parse is answered without ending it, a check that hangs is timed out (and the next one starts a
 * new process), a missing `elixir` is reported so the tokenizer check takes over.
 */
import {chmod, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import test from 'ava';
import {checkElixirSyntax, stopElixirCheck} from '../../../source/tools/write/parse-check.js';
import {WarmElixir} from '../../../source/tools/write/warm-elixir.js';
import {requireElixir} from '../../helpers/elixir.js';
import {tempDir} from '../../helpers/temp-dir.js';

// The module's own warm process (checkElixirSyntax) ends with the tests, as it does with a server.
test.after.always(() => {
	stopElixirCheck();
});

const good = 'defmodule A do\n  def a, do: :ok\nend\n';
const bad = 'defmodule A do\n  def a(, do: :ok\nend\n';

test('one warm process answers every check, also after a file that does not parse', async t => {
	if (!requireElixir(t)) return;
	const elixir = new WarmElixir();
	t.teardown(() => elixir.stop());
	t.deepEqual(await elixir.parse([good]), [undefined]);
	const pid = elixir.pid;
	t.truthy(pid);
	const answers = await elixir.parse([bad, good, '', 'x = "é" <> "\\n"']);
	t.regex(answers![0]!, /^line 3: unexpected reserved word: end/);
	t.deepEqual(answers!.slice(1), [undefined, undefined, undefined]);
	// Checks of concurrent calls each get their own answers.
	const [first, second] = await Promise.all([elixir.parse([good, bad]), elixir.parse([bad])]);
	t.is(first![0], undefined);
	t.regex(first![1]!, /^line 3:/);
	t.regex(second![0]!, /^line 3:/);
	t.is(elixir.pid, pid);
	elixir.stop();
	t.is(elixir.pid, undefined);
	t.is(await elixir.parse([good]), undefined);
});

test('what the VM prints on stdout besides the answers is no answer (an error report when HOME cannot be read)', async t => {
	if (!requireElixir(t)) return;
	const dir = tempDir(t);
	const noisy = join(dir, 'elixir');
	// What Erlang prints, run as another user with HOME=/root: a report on stdout before any answer.
	await writeFile(noisy, '#!/bin/sh\nprintf "=ERROR REPORT==== now ===\\nfile:path_eval([\\"/root\\"],\\".erlang\\"): permission denied\\n\\n"\nexec elixir "$@"\n');
	await chmod(noisy, 0o755);
	const elixir = new WarmElixir({command: noisy});
	t.teardown(() => elixir.stop());
	t.deepEqual(await elixir.parse([good, good]), [undefined, undefined]);
	t.regex((await elixir.parse([bad]))![0]!, /^line 3:/);
});

test('a check that hangs is timed out and its process killed; the next check starts a new one', async t => {
	const dir = tempDir(t);
	const hanging = join(dir, 'elixir');
	// Reads its requests and never answers, as a starved or stuck Elixir would.
	await writeFile(hanging, '#!/bin/sh\nexec cat > /dev/null\n');
	await chmod(hanging, 0o755);
	const elixir = new WarmElixir({command: hanging, timeoutMs: 300});
	t.teardown(() => elixir.stop());
	t.is(await elixir.parse([good]), undefined);
	t.is(elixir.pid, undefined);
	t.false(elixir.missing);
	t.is(await elixir.parse([good]), undefined);
});

test('a missing elixir is remembered and answered at once', async t => {
	const elixir = new WarmElixir({command: '/nonexistent/elixir'});
	t.is(await elixir.parse([good]), undefined);
	t.true(elixir.missing);
	t.is(await elixir.parse([good]), undefined);
});

test('checkElixirSyntax: Elixir when present, the tokenizer when told not to', async t => {
	if (!requireElixir(t)) return;
	const files = [
		{path: 'lib/a.ex', content: good},
		{path: 'lib/b.ex', content: bad},
		{path: 'README.md', content: 'def ('},
	];
	const report = await checkElixirSyntax(files);
	t.is(report.checker, 'elixir');
	t.deepEqual(
		report.problems.map(problem => problem.path),
		['lib/b.ex'],
	);
	const fallback = await checkElixirSyntax(files, {useElixir: false});
	t.is(fallback.checker, 'tokenizer');
	t.deepEqual(
		fallback.problems.map(problem => problem.path),
		['lib/b.ex'],
	);
});
