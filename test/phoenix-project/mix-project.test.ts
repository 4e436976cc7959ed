import {mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {mixProjectProblem} from '../../source/phoenix-project/mix-project.js';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'mix-project-'));

test('a folder with a regular mix.exs is a Mix project; anything else says what it is', t => {
	const root = scratch();
	t.is(mixProjectProblem(path.join(root, 'absent')), 'missing');
	writeFileSync(path.join(root, 'file'), '');
	t.is(mixProjectProblem(path.join(root, 'file')), 'not-a-folder');
	mkdirSync(path.join(root, 'empty'));
	t.is(mixProjectProblem(path.join(root, 'empty')), 'no-mix-exs');
	mkdirSync(path.join(root, 'app'));
	writeFileSync(path.join(root, 'app', 'mix.exs'), 'defmodule App.MixProject do\nend\n');
	t.is(mixProjectProblem(path.join(root, 'app')), undefined);
	mkdirSync(path.join(root, 'linked'));
	symlinkSync(path.join(root, 'app', 'mix.exs'), path.join(root, 'linked', 'mix.exs'));
	t.is(mixProjectProblem(path.join(root, 'linked')), 'no-mix-exs', 'a symlinked mix.exs is refused, as the tools refuse it');
	mkdirSync(path.join(root, 'dir', 'mix.exs'), {recursive: true});
	t.is(mixProjectProblem(path.join(root, 'dir')), 'no-mix-exs');
});
