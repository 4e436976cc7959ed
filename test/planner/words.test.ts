import test from 'ava';
import {describe} from '../../source/planner/resolve.js';
import {pluralize, singularize, splitWords} from '../../source/planner/words.js';

test('English forms come from pluralize: shelves is Shelf, people is Person', t => {
	t.is(singularize('shelves'), 'shelf');
	t.is(singularize('book_shelves'), 'book_shelf');
	t.is(pluralize('person'), 'people');
	t.is(pluralize('status'), 'statuses');
	t.is(singularize('statuses'), 'status');
	const described = describe('shelves with a label');
	t.true(described.ok);
	if (described.ok) t.like(described.value.entities[0], {alias: 'Shelf', plural: 'shelves'});
});

test('tokens keep what the user wrote beside the lowercase form used for matching', t => {
	const tokens = splitWords('Blood type: A, AB; price 1-5, status:enum:Open:Closed e-mail');
	t.deepEqual(
		tokens.map(token => token.raw),
		['Blood', 'type', ':', 'A', ',', 'AB', ';', 'price', '1', '-', '5', ',', 'status:enum:Open:Closed', 'e-mail'],
	);
	t.deepEqual(
		tokens.map(token => token.low),
		['blood', 'type', ':', 'a', ',', 'ab', ';', 'price', '1', '-', '5', ',', 'status:enum:Open:Closed', 'e_mail'],
	);
});

test('refusals quote the words and show how to write them; nothing is silently dropped', t => {
	const loose = describe('posts with a title, and make it fast');
	t.true(loose.ok && loose.value.ignored.some(line => line.startsWith("'make it fast': not read")));
	const refused = describe('posts with a title, and make it fast', undefined, {strict: true});
	t.false(refused.ok);
	if (!refused.ok) {
		t.regex(refused.message, /I could not place these words: 'make it fast'/);
		t.regex(refused.message, /Write entities like 'posts with a title/);
	}

	const grammar = describe('Blog.Post posts tags:array:enum');
	t.false(grammar.ok);
	if (!grammar.ok) t.regex(grammar.message, /tags:array:enum/);
});

test('what is left out is named, with why', t => {
	const described = describe('Use UUID primary keys. users (name, email) with timestamps');
	t.true(described.ok);
	if (!described.ok) return;
	t.true(described.value.binaryId);
	t.true(described.value.ignored.some(text => text.includes('Use UUID primary keys')));
	t.true(
		described.value.ignored.some(text => /timestamps.*Phoenix adds/.test(text)),
		described.value.ignored.join('\n'),
	);
});

test("a bare number identifies a record (a string) unless its entity is a place in a row; a person's position is a role", t => {
	const described = describe('Flights have a number. Rooms have a number. Players have a position. Tasks have a title and a position.');
	if (!described.ok) return t.fail(described.message);
	const attrs = Object.fromEntries(described.value.entities.map(entity => [entity.plural, entity.attrs.join(' ')]));
	t.deepEqual(attrs, {flights: 'number:string', rooms: 'number:integer', players: 'position:string', tasks: 'title:string position:integer'});
	const stated = described.value.entities.flatMap(entity => entity.assumptions);
	t.true(stated.some(line => line.startsWith("number: string, from the name: a flight's number")));
	t.true(stated.some(line => line.startsWith("position: string, from the name: a player's position is a role")));
});

test('sign-offs and "we have …" are not data: the entity after them is read, the sign-off left out', t => {
	const described = describe('We have invoices with a total. Owners have many invoices. thx!');
	if (!described.ok) return t.fail(described.message);
	t.deepEqual(
		described.value.entities.map(entity => entity.plural),
		['owners', 'invoices'],
	);
	t.true(described.value.ignored.some(line => line.includes('thx')));
});
