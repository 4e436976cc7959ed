/** Issue 18, unseen English: general phrasings of types, units and references, each on a sentence of its own. */
import test from 'ava';
import {describe} from '../../source/planner/resolve.js';
import {plannedTables as tables} from './formats/plan-of.js';

test('"as a 3-letter code", "as a 4-digit code" is a string', t => {
	t.is(tables('Accounts: name, currency as a 3-letter code, pin as a 4-digit code.').accounts, 'name:string currency:string pin:string');
});

test('"latitude and longitude (floats)": a plural type note after two bare words types both', t => {
	t.is(tables('Sites: name, easting and northing (integers), altitude.').sites, 'name:string easting:integer northing:integer altitude:string');
});

test('a unit the reader does not know names the field when the type is said: "depth in fathoms (decimal)"', t => {
	t.is(tables('Wrecks: name, depth in fathoms (decimal).').wrecks, 'name:string depth_fathoms:decimal');
});

test('"which starts as X and can be X, Y or Z" is an enum with X as its default', t => {
	t.is(tables('Quotes: number, a state which starts as draft and can be draft, sent or accepted.').quotes, 'number:string state:enum:draft:sent:accepted:default:draft');
	t.is(tables('Jobs: name, phase starting as queued, which can be queued, running or done.').jobs, 'name:string phase:enum:queued:running:done:default:queued');
});

test('"the X they belong to" in a field list is a reference to X', t => {
	t.deepEqual(tables('Tasks have a title, a due date and the project they belong to.'), {tasks: 'title:string due_date:date project_id:references:projects', projects: ''});
	t.is(tables('Players: name and the club it belongs to.').players, 'name:string club_id:references:clubs');
});

test('a note naming two units that store a field differently is refused with both readings', t => {
	const described = describe('Orders: reference, total (in euros or in cents, we will see), placed at.');
	t.false(described.ok);
	if (described.ok) return;
	t.regex(described.message, /read as A: total is stored in euros \(total:decimal\)/);
	t.regex(described.message, /read as B: total is stored in cents \(total_cents:integer\)/);
	// Two units stored alike are no choice: euros or dollars are both a decimal.
	t.is(tables('Orders: total (in euros or dollars).').orders, 'total:decimal');
});

test('"a buyer and a seller (both users)" makes each a reference to users', t => {
	t.is(tables('Users: name. Trades: a buyer and a seller (both users), price (decimal).').trades, 'buyer_id:references:users seller_id:references:users price:decimal');
});

test('an example mixing letters and digits ("like 5c or A12") is a string; a plain number example stays a number', t => {
	t.is(tables('Seats: row, label (like 5c or A12), weight (like 12)').seats, 'row:string label:string weight:integer');
});

test('"Xs need a, b and c" lists their fields like "have"', t => {
	t.is(tables('Invoices need a number, an issued on and a total (decimal).').invoices, 'number:string issued_on:date total:decimal');
});

test('hedges are not data: "Xs just have a name for now" reads "Xs have a name"', t => {
	t.deepEqual(tables('Boats: name. Slips just have a number for now.'), {boats: 'name:string', slips: 'number:string'});
	t.deepEqual(tables('Crates only have a label for the moment.'), {crates: 'label:string'});
});
