/** Issue 18, unseen English: a field word followed by bare values (no brackets, no "one of") is an Ecto.Enum. */
import test from 'ava';
import {describe} from '../../source/planner/resolve.js';

function tables(text: string): Record<string, string> {
	const described = describe(text);
	if (!described.ok) throw new Error(described.message);
	return Object.fromEntries(described.value.entities.map(entity => [entity.plural, entity.attrs.join(' ')]));
}

test('an enum word followed by values joined by commas only is an enum', t => {
	t.is(tables('Bugs: summary, severity minor, major, blocker, found on.').bugs, 'summary:text severity:enum:minor:major:blocker found_on:date');
});

test('a comma-only value list stops at a word that names a field', t => {
	t.is(tables('Bugs: severity minor, major, blocker, title.').bugs, 'severity:enum:minor:major:blocker title:string');
});

test('a default said after the values in brackets belongs to the enum', t => {
	t.is(tables('Orders: total (decimal), state draft, placed or shipped (defaults to draft)').orders, 'total:decimal state:enum:draft:placed:shipped:default:draft');
});
