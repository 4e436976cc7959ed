import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {readAppModule, renderPrompt} from '../../source/engine/prompt.js';
import {fixtureProjectPath} from '../helpers/phoenix-project.js';
import {tempDir} from '../helpers/temp-dir.js';

test('renders the three placeholders, double- and single-brace forms', t => {
	const text = renderPrompt('Make {{schema_description}} in {{ project_path }} for {app_module}; again {schema_description}.', {
		schemaDescription: 'Blog.Post posts title:string',
		projectPath: '/tmp/my_app',
		appModule: 'MyApp',
	});
	t.is(text, 'Make Blog.Post posts title:string in /tmp/my_app for MyApp; again Blog.Post posts title:string.');
});

test('values are not expanded again, unknown placeholders are left alone', t => {
	const text = renderPrompt('{{schema_description}} {{other}}', {schemaDescription: 'use {{project_path}}', projectPath: '/p'});
	t.is(text, 'use {{project_path}} {{other}}');
});

test('a template without the description placeholder still carries the description', t => {
	t.is(renderPrompt('Be helpful.\n', {schemaDescription: 'posts with a title', projectPath: '/p'}), 'Be helpful.\n\nposts with a title');
});

test('an unknown app module says how to find it', t => {
	t.regex(renderPrompt('{{app_module}} {{schema_description}}', {schemaDescription: 'x', projectPath: '/p'}), /inspect_project/);
});

test('reads the app module from mix.exs, honouring a namespace', async t => {
	t.is(await readAppModule(fixtureProjectPath('my_app')), 'MyApp');
	const dir = tempDir(t, 'ectosmith-prompt-');
	t.is(await readAppModule(dir), undefined);
	writeFileSync(path.join(dir, 'mix.exs'), 'def project do\n  [\n    app: :hello_world_2,\n  ]\nend\n');
	t.is(await readAppModule(dir), 'HelloWorld2');
	mkdirSync(path.join(dir, 'config'));
	writeFileSync(path.join(dir, 'config', 'config.exs'), 'import Config\nconfig :hello_world_2, namespace: HW, ecto_repos: [HW.Repo]\n');
	t.is(await readAppModule(dir), 'HW');
	writeFileSync(path.join(dir, 'config', 'config.exs'), 'import Config\nconfig :other, namespace: Nope\nconfig :hello_world_2,\n  ecto_repos: [HW.Repo],\n  namespace: Hello.World\n');
	t.is(await readAppModule(dir), 'Hello.World');
	writeFileSync(path.join(dir, 'config', 'config.exs'), 'import Config\nconfig :hello_world_2, ecto_repos: [X]\nconfig :other, namespace: Nope\n');
	t.is(await readAppModule(dir), 'HelloWorld2');
});
