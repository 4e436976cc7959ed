/**
 * Issue 18: "refuse only when two readings would give different schemas: then name both readings".
 * Each refusal names reading A and reading B on a line of its own, with the wording that says
 * which; that wording, put in the description, plans that reading.
 */
import test from 'ava';
import {tablesOf as tables} from './formats/plan-of.js';

function sayings(message: string): [string, string] {
	const say = /say which: write '([^']+)' for A, or '([^']+)' for B\./.exec(message);
	if (!say) throw new Error(`no 'say which' line in: ${message}`);
	return [say[1]!, say[2]!];
}

test('"comments on posts" without "many to many": each comment on one post, or many to many; both named, each wording plans its reading', t => {
	const message = tables('Posts have a title. Comments on posts have a body.');
	if (typeof message !== 'string') return t.fail('planned a guess');
	const lines = message.split('\n');
	t.is(lines[0], "'comments on posts' can be read two ways that give different schemas:");
	t.regex(lines[1]!, /^ {2}read as A: .*comments get post_id/);
	t.regex(lines[2]!, /^ {2}read as B: .*many to many \(a join table post_comments\)/);
	const [a, b] = sayings(message);
	t.deepEqual(tables(`Posts have a title. Comments have a body. ${a}.`), {posts: 'title:string', comments: 'body:text post_id:references:posts'});
	const shared = tables(`Posts have a title. Comments have a body. ${b}.`);
	t.is(typeof shared === 'string' ? shared : shared.post_comments, 'post_id:references:posts comment_id:references:comments');
});

test('"tags for posts" is the same question', t => {
	const message = tables('Posts have a title. Tags for posts.');
	t.true(typeof message === 'string' && message.startsWith("'tags for posts' can be read two ways"));
});

test('a plural field naming nothing described ("orders have products"): another entity, or values; both named, each wording plans its reading', t => {
	const text = (products: string) => `Orders have a total and ${products}.`;
	const message = tables(text('products'));
	if (typeof message !== 'string') return t.fail('planned a guess');
	t.regex(message, /read as A: products name another entity: orders and products are many to many \(a join table order_products\)/);
	t.regex(message, /read as B: products are values stored in orders \(products:array:string\)/);
	const [a, b] = sayings(message);
	const shared = tables(`Orders have a total. ${a}.`);
	t.is(typeof shared === 'string' ? shared : shared.order_products, 'order_id:references:orders product_id:references:products');
	t.deepEqual(tables(text(b)), {orders: 'total:decimal products:array:string'});
});

test('one reading only plans: "(many to many)" said, a plural that names a described entity, a plural whose name gives its type', t => {
	t.is((tables('posts with a title, tags on posts (many to many)') as Record<string, string>).post_tags, 'post_id:references:posts tag_id:references:tags');
	t.deepEqual(tables('Polls have a question and options. Options have a label.'), {polls: 'question:string', options: 'poll_id:references:polls label:string'});
	t.deepEqual(tables('Recipes have a name and notes.'), {recipes: 'name:string notes:text'});
});
