/** Replay steps: a real recorded run, stepped, ends in the state the live run's events folded to. */

import {writeFileSync} from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {replayEvents} from '../../source/engine/replay.js';
import {isError, isToolCall, nextStep, positionText, replayStates, replaySteps} from '../../source/ui/state/replay-state.js';
import {initialRunState, runReducer} from '../../source/ui/state/run-state.js';
import {answer, call, flakyServer, setupEngine, TestProvider} from '../engine/_support.js';
import {tempDir} from '../helpers/temp-dir.js';

test("each recorded message is a step; the last step is the live run's final state; jumps find tool calls and errors", async t => {
	const project = tempDir(t);
	writeFileSync(path.join(project, 'mix.exs'), 'defmodule MyApp.MixProject do\nend\n');
	const usage = {promptTokens: 5, outputTokens: 1, totalTokens: 6};
	const provider = new TestProvider([
		{...call('echo', {text: 'hi'}), usage},
		{...call('refuse'), usage},
		{...answer('All done.'), usage},
	]);
	const {engine, recorder, events} = await setupEngine(t, {servers: [flakyServer()], provider});
	const result = await engine.run({description: 'Blog.Post posts title:string', projectPath: project});
	t.is(result.status, 'COMPLETED', result.errorMessage);

	const replayed = await replayEvents(recorder, result.executionId);
	const steps = replaySteps(replayed);
	const messages = await recorder.listMessages(result.executionId);
	t.is(steps.length, messages.length + 1);
	t.deepEqual(
		steps.map(step => step.kind),
		['user', 'model', 'tool_call', 'tool_result', 'model', 'tool_call', 'tool_result', 'model', 'finished'],
	);
	t.deepEqual(steps[1]!.usage, usage);

	const states = replayStates(replayed, steps);
	const live = runReducer(initialRunState, {type: 'events', events});
	t.deepEqual(states.at(-1), live);
	// Step by step the screen grows: at the first tool call one row, running.
	t.is(states[2]!.tools.length, 1);
	t.is(states[2]!.tools[0]!.status, 'running');
	t.is(states[3]!.tools[0]!.status, 'ok');

	t.is(nextStep(steps, 0, isToolCall), 2);
	t.is(nextStep(steps, 2, isToolCall), 5);
	t.is(nextStep(steps, 0, isError), 6);
	t.is(nextStep(steps, 8, isError), 8);
	t.is(positionText(6, steps), 'step 7 of 9');
});
