import {mkdir, mkdtemp, readdir, readFile, realpath, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {ExecutionContext} from 'ava';
import test from 'ava';
import {commitWrites, planWrites, resolveInsideRoot, WriteRefusedError} from '../../../source/tools/write/safe-writer.js';

async function tempRoot(t: ExecutionContext): Promise<{root: string; outside: string}> {
	const parent = await realpath(await mkdtemp(join(tmpdir(), 'ectosmith-writer-')));
	t.teardown(async () => rm(parent, {recursive: true, force: true}));
	const root = join(parent, 'project');
	const outside = join(parent, 'outside');
	await mkdir(join(root, 'lib'), {recursive: true});
	await mkdir(outside);
	return {root, outside};
}

test('relative paths with .., absolute paths and odd segments are refused', async t => {
	const {root} = await tempRoot(t);
	for (const path of ['../x.ex', 'lib/../../x.ex', '/etc/passwd', 'lib//x.ex', './lib/x.ex', 'lib\\x.ex', '']) {
		await t.throwsAsync(resolveInsideRoot(root, path), {instanceOf: WriteRefusedError}, path);
	}
});

test('a symlinked folder pointing outside is refused; one pointing inside is followed', async t => {
	const {root, outside} = await tempRoot(t);
	await symlink(outside, join(root, 'lib', 'escape'));
	await t.throwsAsync(planWrites(root, [{path: 'lib/escape/x.ex', content: 'x'}], {overwrite: false}), {
		instanceOf: WriteRefusedError,
		message: /lib\/escape.*outside the project root/,
	});
	await mkdir(join(root, 'real'));
	await symlink(join(root, 'real'), join(root, 'lib', 'inside'));
	const [plan] = await planWrites(root, [{path: 'lib/inside/x.ex', content: 'x'}], {overwrite: false});
	t.is(plan!.absolute, join(root, 'real', 'x.ex'));
	t.deepEqual(await readdir(outside), []);
});

test('a file that is itself a symlink is never replaced', async t => {
	const {root, outside} = await tempRoot(t);
	await writeFile(join(outside, 'target.ex'), 'outside');
	await symlink(join(outside, 'target.ex'), join(root, 'lib', 'link.ex'));
	await t.throwsAsync(planWrites(root, [{path: 'lib/link.ex', content: 'x'}], {overwrite: true}), {instanceOf: WriteRefusedError, message: /symbolic link/});
	t.is(await readFile(join(outside, 'target.ex'), 'utf8'), 'outside');
});

test('actions: created, unchanged, refused, overwritten, injected; nothing written when one file is refused', async t => {
	const {root} = await tempRoot(t);
	await writeFile(join(root, 'lib', 'same.ex'), 'same\n');
	await writeFile(join(root, 'lib', 'other.ex'), 'old\n');
	const files = [
		{path: 'lib/new/deep.ex', content: 'new\n'},
		{path: 'lib/same.ex', content: 'same\n'},
		{path: 'lib/other.ex', content: 'changed\n'},
	];
	await t.throwsAsync(planWrites(root, files, {overwrite: false}), {instanceOf: WriteRefusedError, message: /lib\/other\.ex.*overwrite: true/});
	t.deepEqual(await readdir(join(root, 'lib')), ['other.ex', 'same.ex'], 'the refusal comes before any write');

	const plans = await planWrites(root, files, {overwrite: true});
	t.deepEqual(
		plans.map(plan => plan.action),
		['created', 'unchanged', 'overwritten'],
	);
	await commitWrites(root, plans);
	t.is(await readFile(join(root, 'lib', 'new', 'deep.ex'), 'utf8'), 'new\n');
	t.is(await readFile(join(root, 'lib', 'other.ex'), 'utf8'), 'changed\n');
	t.deepEqual(
		(await readdir(join(root, 'lib'))).filter(name => name.endsWith('.tmp')),
		[],
		'no temp file is left',
	);

	const [injected] = await planWrites(root, [{path: 'lib/other.ex', content: 'changed\nmore\n', derivedFromExisting: true}], {overwrite: false});
	t.is(injected!.action, 'injected');
});

test('commit refuses when a file changed after planning, writing nothing', async t => {
	const {root} = await tempRoot(t);
	await writeFile(join(root, 'lib', 'a.ex'), 'a\n');
	const plans = await planWrites(
		root,
		[
			{path: 'lib/b.ex', content: 'b\n'},
			{path: 'lib/a.ex', content: 'a2\n'},
		],
		{overwrite: true},
	);
	await writeFile(join(root, 'lib', 'a.ex'), 'edited by someone\n');
	await t.throwsAsync(commitWrites(root, plans), {instanceOf: WriteRefusedError, message: /changed/});
	t.deepEqual(await readdir(join(root, 'lib')), ['a.ex']);
});

test('commit reports the folders it created, relative and outermost first, and none that existed', async t => {
	const {root} = await tempRoot(t);
	const plans = await planWrites(
		root,
		[
			{path: 'lib/a/b/c.ex', content: 'c\n'},
			{path: 'lib/a/d.ex', content: 'd\n'},
			{path: 'lib/e.ex', content: 'e\n'},
			{path: 'priv/x/y.exs', content: 'y\n'},
		],
		{overwrite: false},
	);
	t.deepEqual(await commitWrites(root, plans), ['lib/a', 'lib/a/b', 'priv', 'priv/x']);
	const again = await planWrites(root, [{path: 'lib/a/f.ex', content: 'f\n'}], {overwrite: false});
	t.deepEqual(await commitWrites(root, again), []);
	t.true((await resolveInsideRoot(root, 'lib/a', 'folder')).endsWith('/lib/a'));
	await t.throwsAsync(resolveInsideRoot(root, 'lib/e.ex', 'folder'), {instanceOf: WriteRefusedError, message: /not a folder/});
});
