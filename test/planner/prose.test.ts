/** Relations and values in prose that issue 18's categories name: each rule on a description of its own. */
import test from 'ava';
import {describe} from '../../source/planner/resolve.js';

function tables(text: string): Record<string, string> {
	const described = describe(text);
	if (!described.ok) throw new Error(described.message);
	return Object.fromEntries(described.value.entities.map(entity => [entity.plural, entity.attrs.join(' ')]));
}

test('"nested under a parent X", "a child of another X", "has a parent X" make a self-reference', t => {
	t.is(tables('Folders have a name and are nested under a parent folder.').folders, 'name:string parent_id:references:folders');
	t.is(tables('pages: title, a child of another page').pages, 'title:string parent_id:references:pages');
	t.is(tables('Topics have a name and have a parent topic.').topics, 'name:string parent_id:references:topics');
});

test('"the approver is another employee", "the mother, which is another animal", "an owner who is a user" are references named by the field', t => {
	t.is(tables('Employees have a name and the approver is another employee.').employees, 'name:string approver_id:references:employees');
	t.is(tables('animals: name, the mother, which is another animal').animals, 'name:string mother_id:references:animals');
	t.is(tables('Tasks have a title and an owner who is a user.').tasks, 'title:string owner_id:references:users');
	// A type word after "is a" is a type, and "is draft" names no entity.
	t.is(tables('products: name, a price which is a decimal').products, 'name:string price:decimal');
});

test('"they belong to accounts" after a statement refers to the entity just described', t => {
	t.deepEqual(tables('transactions: amount, memo. they belong to accounts'), {accounts: '', transactions: 'amount:decimal memo:string account_id:references:accounts'});
});

test('"whether it has shore power" is a boolean named by what it asks, and says so', t => {
	const described = describe('Slips have a name, whether it has shore power and if they are covered.');
	if (!described.ok) return t.fail(described.message);
	t.is(described.value.entities[0]!.attrs.join(' '), 'name:string shore_power:boolean covered:boolean');
	t.true(described.value.entities[0]!.assumptions.includes("shore_power: boolean, from 'whether it has …'"));
});

test('units of length, volume, speed and energy after "in" name the field and make it a float', t => {
	t.is(tables('Boats have a length in feet, a tank in gallons and a top speed in knots.').boats, 'length_feet:float tank_gallons:float top_speed_knots:float');
});

test('a noun that also names a value ("an optional comment") is a value unless its entity is described', t => {
	t.is(tables('Reviews have a rating and an optional comment.').reviews, 'rating:integer comment:text:optional');
	t.deepEqual(Object.keys(tables('Reactions have an emoji and a comment. Comments have a body.')).sort(), ['comments', 'reactions']);
	t.is(tables('Reactions have an emoji and a comment. Comments have a body.').reactions, 'emoji:string comment_id:references:comments');
});
