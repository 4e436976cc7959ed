/** Relations and values in prose that issue 18's categories name: each rule on a description of its own. */
import test from 'ava';
import {describe} from '../../source/planner/resolve.js';
import {plannedTables as tables} from './formats/plan-of.js';

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

test('"a talk can have several speakers and speakers can give more than one talk" is many to many, under a heading too', t => {
	for (const text of ['A talk can have several speakers. Speakers can give more than one talk.', 'Talks and speakers: a talk can have several speakers and speakers can give more than one talk.']) {
		const planned = tables(text);
		t.is(planned.talk_speakers, 'talk_id:references:talks speaker_id:references:speakers', text);
		t.is(planned.talks, '', text);
	}
});

test('"has exactly one helmet" is one-to-one; "ties a boat to a slip" joins them; "tagged with many topics" is many to many', t => {
	t.is(tables('Each rider has exactly one helmet. Helmets have a size.').helmets, 'size:integer rider_id:references:riders:unique');
	t.is(tables('A lease ties a boat to a slip.').leases, 'boat_id:references:boats slip_id:references:slips');
	t.is(tables('Articles have a title and are tagged with many topics. Topics have a name.').article_topics, 'article_id:references:articles topic_id:references:topics');
});

test('"belong to user + plan, with a started on date": both references, then the fields', t => {
	t.is(tables('Memberships belong to user + plan, with a started on date.').memberships, 'started_on:date user_id:references:users plan_id:references:plans');
});

test('a short name for a described entity ("Requests" after "Leave requests") is that entity', t => {
	t.deepEqual(tables('Leave requests: starts on, reason. Requests belong to employees.'), {
		employees: '',
		leave_requests: 'starts_on:date reason:string employee_id:references:employees',
	});
});

test('"starting at 0" is a default; "in square feet" a unit; "a number of bedrooms" a count; a trailing "too" is not in the name', t => {
	t.is(
		tables('Properties have a size in square feet, a number of bedrooms, a points balance starting at 0 and whether it is listed too.').properties,
		'size_sqft:float bedroom_count:integer points_balance:decimal:default:0 listed:boolean',
	);
});

test('"an appointment is for one patient", "items are stored in a location", "orders are placed by customers" belong to them; "cached in redis" does not', t => {
	t.is(tables('Patients have a name. Appointments have a reason. An appointment is for one patient.').appointments, 'reason:string patient_id:references:patients');
	t.is(tables('Items have a name. Locations have a name. Each item is stored in a location.').items, 'name:string location_id:references:locations');
	t.is(tables('Orders are placed by customers. Customers have a name.').orders, 'customer_id:references:customers');
	t.is(tables('Shifts have a starts at and belong to one employee.').shifts, 'starts_at:utc_datetime employee_id:references:employees');
});

test('a heading over bullets of single fields is one entity; checkbox bullets are list items', t => {
	t.deepEqual(tables('## Vehicles\n- make\n- year (integer)\n- vin (unique)\n\n## Services\n- performed on (date)\n- belongs to vehicle'), {
		vehicles: 'make:string year:integer vin:string:unique',
		services: 'performed_on:date vehicle_id:references:vehicles',
	});
	t.deepEqual(tables('- [ ] Payments: amount, paid at\n- [x] Refunds: reason'), {payments: 'amount:decimal paid_at:utc_datetime', refunds: 'reason:string'});
});

test('a markdown table named by the sentence before it ("Need a `pets` table:")', t => {
	t.deepEqual(tables('Need a `pets` table:\n\n| field | type |\n|---|---|\n| name | string |\n| born_on | date |'), {pets: 'name:string born_on:date'});
});

test('"a car has one owner who is a driver": the car references a driver as its owner', t => {
	t.is(tables('Drivers have a name. Cars have a make, and a car has one owner who is a driver.').cars, 'make:string owner_id:references:drivers');
});

test('"volunteers can sign up for many shifts and a shift can have many volunteers", "songs can be on many playlists" are many to many', t => {
	t.is(
		tables('Volunteers have a name. Shifts have a starts at. Volunteers can sign up for many shifts and a shift can have many volunteers.').volunteer_shifts,
		'volunteer_id:references:volunteers shift_id:references:shifts',
	);
	t.is(tables('Songs have a title. Playlists have a name and can contain many songs; songs can be on many playlists.').song_playlists, 'song_id:references:songs playlist_id:references:playlists');
});

test('"a from account" where bank accounts are described references them; "false to begin with" is a default; "Need employees with …"', t => {
	t.is(tables('bank accounts: iban. transfers have a from account and an amount.').transfers, 'from_account_id:references:bank_accounts amount:decimal');
	t.is(tables('habits: name, archived false to begin with').habits, 'name:string archived:boolean:default:false');
	t.deepEqual(Object.keys(tables('Need employees with a name and a manager who is also an employee (optional for the CEO).')), ['employees']);
	t.is(tables('Need employees with a name and a manager who is also an employee (optional for the CEO).').employees, 'name:string manager_id:references:employees');
});
