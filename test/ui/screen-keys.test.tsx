import test from 'ava';
import React from 'react';
import {copyFixtureProject} from '../helpers/phoenix-project.js';
import {startUi, until} from './_ui.js';

void React;

test.serial('F1..F5 and Alt-1..5 reach the screens from the description field, and the top bar says so', async t => {
	const project = await copyFixtureProject(t, 'my_app');
	const ui = await startUi(t, {project});
	await until(ui.app.lastFrame, /No Ecto schemas yet/, 'the schema of the untouched project');
	ui.app.stdin.write('posts');
	const typing = await until(ui.app.lastFrame, /› posts/, 'the text in the field');
	t.regex(typing, /F1 Run {2}F2 History {2}F3 Servers/, 'the top bar names the keys that work from the field');
	ui.app.stdin.write('\u001B[13~');
	await until(ui.app.lastFrame, /\d+ MCP server\(s\)/, 'the Servers screen (F3)');
	ui.app.stdin.write('\u001BOP');
	const back = await until(ui.app.lastFrame, /› posts/, 'the Run screen again (F1), the text kept');
	t.notRegex(back, /posts3|postsP/);
	ui.app.stdin.write('\u001B2');
	const history = await until(ui.app.lastFrame, /History page 1|No executions yet/, 'the History screen (Alt-2)');
	t.regex(history, /1 Run {2}2 History/, 'outside a field the bar names the number keys');
});
