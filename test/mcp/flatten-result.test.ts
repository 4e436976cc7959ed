import test from 'ava';
import {toToolCallResult} from '../../source/mcp/flatten-result.js';

test('text parts are joined with newlines; other content is summarised', t => {
	const result = toToolCallResult('t', {
		content: [
			{type: 'text', text: 'wrote lib/blog/post.ex'},
			{type: 'image', data: 'x', mimeType: 'image/png'},
			{type: 'audio', data: 'x'},
			{type: 'resource', resource: {uri: 'file:///a.ex', text: 'defmodule A do end'}},
			{type: 'resource', resource: {uri: 'file:///b.bin', blob: 'AA=='}},
			{type: 'resource_link', uri: 'file:///c.ex', name: 'c'},
			{type: 'text', text: 'done'},
		],
	});
	t.deepEqual(result, {
		isError: false,
		text: 'wrote lib/blog/post.ex\n[image image/png]\n[audio]\ndefmodule A do end\n[resource file:///b.bin]\n[resource link file:///c.ex]\ndone',
	});
});

test('structuredContent is kept, and used as text when there is no content', t => {
	t.deepEqual(toToolCallResult('t', {content: [], structuredContent: {files: ['a.ex']}}), {
		isError: false,
		text: '{"files":["a.ex"]}',
		structuredContent: {files: ['a.ex']},
	});
});

test('an error without a message still tells the model which tool failed', t => {
	t.deepEqual(toToolCallResult('gen', {content: [], isError: true}), {isError: true, text: 'The tool "gen" reported an error without a message.'});
});
