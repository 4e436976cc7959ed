import test from 'ava';
import {planOf} from './plan-of.js';

test('a JSON example record named by the words before it: every type read from a value is stated', t => {
	const planned = planOf(`here's what one booking looks like from the old API:
{"id": 12, "guest_name": "Ana", "nights": 3, "total": 420.5, "checkin": "2024-06-01", "paid": false, "room_id": 7, "note": null}`);
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.tables, {bookings: 'guest_name:string nights:integer total:decimal checkin:date paid:boolean room_id:references:rooms note:string:optional', rooms: ''});
	t.true(planned.assumptions.some(text => text.startsWith('nights: integer, from the example value 3')));
});

test('a wrapping key names the table; a record with no name is refused, naming what would name it', t => {
	const planned = planOf('{"sensor": {"label": "north", "reading": 21.1, "seen_at": "2024-01-01T10:00:00Z"}}');
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.tables, {sensors: 'label:string reading:float seen_at:utc_datetime'});
	const refused = planOf('{"label": "north", "reading": 21.1}');
	t.true('refused' in refused && /names no table/.test(refused.refused));
});

test('a JSON record named by the words after it ("<- that is a user")', t => {
	const planned = planOf('{"name": "Ada", "age": 36, "admin": true} <- that is a user');
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(Object.keys(planned.tables), ['users']);
});

test('a table named outright in the words before the record outranks what they only suggest', t => {
	for (const [before, plural] of [
		['A sample payload from the old service, table should be named parcels:', 'parcels'],
		['one example row below, call the table parcels please', 'parcels'],
		['Table name: `parcels`. Here is a sample record:', 'parcels'],
		['this is an example entry; it goes into the parcels table', 'parcels'],
	] as const) {
		const planned = planOf(`${before}\n{"weight_g": 900, "sent_on": "2024-02-02"}`);
		if ('refused' in planned) return t.fail(planned.refused);
		t.deepEqual(Object.keys(planned.tables), [plural], before);
	}
});

test('the words for an example ("a sample record") do not name a table: refused, saying what would', t => {
	const planned = planOf('Here is a sample record; put it in the new table\n{"weight_g": 900}');
	t.true('refused' in planned && planned.refused.includes('names no table'));
});
