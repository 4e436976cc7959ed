import test from 'ava';
import {planTable} from '../../source/planner/plan-table.js';
import {stringWidth} from '../../source/terminal/columns.js';
import {layOutTables, markdownTable, TableStream, textBlocks} from '../../source/terminal/text-table.js';

const entity = (context: string, schema: string, plural: string, attrs: string[]) => ({context, schema, plural, attrs, uniquePairs: [], assumptions: []});

// The blog design: posts, authors, and comments with two references and long field lists.
const blog = planTable(
	[
		entity('Blog', 'Blog.Author', 'authors', ['name:string', 'email:string:unique', 'bio:text']),
		entity('Blog', 'Blog.Post', 'posts', ['title:string', 'body:text', 'published:boolean', 'status:enum:draft:published:archived', 'author_id:references:authors']),
		entity('Blog', 'Blog.Comment', 'comments', ['body:text', 'approved:boolean', 'post_id:references:posts', 'author_id:references:authors']),
	] as never,
	{binaryId: false, ignored: [], undescribed: [], inspected: true},
);

test('the plan table is a GitHub table in the text (what an export shows)', t => {
	t.regex(blog, /\n\| Context \| Schema \| Table \| Fields \| References \|\n\|---\|---\|---\|---\|---\|\n\| Blog \| Blog\.Author \| authors \|/);
	t.regex(blog, /\| Blog \| Blog\.Comment \| comments \| body: text, approved: boolean \| post_id → posts, author_id → authors \|/);
});

for (const width of [80, 120]) {
	test(`at ${width} columns the plan is one line per row, cut with … and never wrapped`, t => {
		const lines = layOutTables(blog, width);
		const table = lines.slice(lines.findIndex(line => line.startsWith('Context')));
		t.regex(table[0]!, /^Context +Schema +Table +Fields +References$/, 'the header on one line');
		t.regex(table[1]!, /^─+ +─+/);
		t.regex(table[2]!, /^Blog +Blog\.Author +authors +name: string/);
		t.regex(table[3]!, /^Blog +Blog\.Post +posts +title: string/);
		t.regex(table[4]!, /^Blog +Blog\.Comment +comments +body: text/);
		for (const line of lines) t.true(stringWidth(line) <= width, `${stringWidth(line)} > ${width}: ${line}`);
		// The Post row is the longest: cut, and it says so.
		t.regex(table[3]!, /…/);
		// Every row's References starts in the header's column.
		const column = table[0]!.indexOf('References');
		for (const row of table.slice(2, 5)) t.regex(row.slice(column), /^(?:author_id|—|post_id|a|…)/, row);
	});
}

test('a bar in a cell is escaped in the GitHub table and shown plain when laid out', t => {
	const lines = markdownTable([
		['Field', 'Type'],
		['status', 'enum(a|b)'],
	]);
	t.deepEqual(lines, ['| Field | Type |', '|---|---|', '| status | enum(a\\|b) |']);
	t.deepEqual(layOutTables(lines.join('\n'), 80), ['Field   Type', '──────  ─────────', 'status  enum(a|b)']);
});

test('text around a table stays as it was; a lone bar line is no table', t => {
	t.deepEqual(textBlocks('a | b\n| x |\nplain'), [{kind: 'text', lines: ['a | b', '| x |', 'plain']}]);
	t.deepEqual(layOutTables('Plan:\n| A | B |\n|---|---|\n| 1 | 2 |\nAfter.', 80), ['Plan:', 'A  B', '─  ─', '1  2', 'After.']);
});

test('streamed text: a table is held until it ends, the rest passes at once', t => {
	const stream = new TableStream(80);
	t.is(stream.push('Plan:\n| A '), 'Plan:\n');
	t.is(stream.push('| B |\n|---|---|\n| 1 | 2 |\n'), '');
	t.is(stream.push('Aft'), 'A  B\n─  ─\n1  2\nAft');
	t.is(stream.push('er.\n| C |\n|---|\n| 3 |'), 'er.\n');
	t.is(stream.end(), 'C\n─\n3');
});
