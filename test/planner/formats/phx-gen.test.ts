import test from 'ava';
import {planOf} from './plan-of.js';

test('mix phx.gen command lines: html/context take Context Schema plural, schema takes Context.Schema plural', t => {
	const planned = planOf(`I ran these in the old project, can you redo them here?
\`\`\`
mix phx.gen.html Library Book books title:string isbn:string:unique pages:integer
mix phx.gen.schema Library.Loan loans book_id:references:books due_on:date returned_at:utc_datetime:optional --binary-id
\`\`\``);
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.tables, {books: 'title:string isbn:string:unique pages:integer', loans: 'book_id:references:books due_on:date returned_at:utc_datetime:optional'});
	t.deepEqual(planned.contexts, {books: 'Library', loans: 'Library'});
	t.true(planned.binaryId);
});

test('a bad attribute in a command line is refused naming it', t => {
	const planned = planOf('mix phx.gen.context Shop Item items price:money');
	t.true('refused' in planned && planned.refused.includes("'price:money'"));
});
