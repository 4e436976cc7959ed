/** Issue 18, unseen English: a field word followed by bare values (no brackets, no "one of") is an Ecto.Enum. */
import test from 'ava';
import {plannedTables as tables} from './formats/plan-of.js';

test('an enum word followed by values joined by commas only is an enum', t => {
	t.is(tables('Bugs: summary, severity minor, major, blocker, found on.').bugs, 'summary:text severity:enum:minor:major:blocker found_on:date');
});

test('a comma-only value list stops at a word that names a field', t => {
	t.is(tables('Bugs: severity minor, major, blocker, title.').bugs, 'severity:enum:minor:major:blocker title:string');
});

test('a default said after the values in brackets belongs to the enum', t => {
	t.is(tables('Orders: total (decimal), state draft, placed or shipped (defaults to draft)').orders, 'total:decimal state:enum:draft:placed:shipped:default:draft');
});

test('any field word followed by bare values ending in "or" is an enum; a list of fields is not', t => {
	t.is(tables('Plants: name, light shade, partial or full, watered on.').plants, 'name:string light:enum:shade:partial:full watered_on:date');
	const contacts = tables('Contacts: full name, email or phone.').contacts!;
	t.true(contacts.startsWith('full_name:string'));
	t.false(contacts.includes('enum'));
});

test('values set off by dashes after the field word are an enum; a dash between clauses still separates them', t => {
	t.deepEqual(tables('Wine shop - wines have a label.'), {wines: 'label:string'});
	t.is(tables('Wines: label, colour - red, white or rose - and a vintage year.').wines, 'label:string colour:enum:red:white:rose vintage_year:integer');
});

test('a note after the last bare value annotates the enum field', t => {
	t.is(tables('Fixtures: outcome home_win, away_win or draw (empty until played).').fixtures, 'outcome:enum:home_win:away_win:draw:optional');
});
