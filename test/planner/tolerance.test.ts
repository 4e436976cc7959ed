/**
 * The tolerant English reader (issue 18): chatter is left out and listed, bracketed notes are
 * hints (never enum values), typos in structure words are read and said, words that fit nowhere
 * are left out and said, and `strict` refuses instead of assuming, naming every assumption.
 */
import test from 'ava';
import type {ConversationItem} from '../../source/llm/provider.js';
import {OfflineProvider} from '../../source/planner/offline-provider.js';
import {describe} from '../../source/planner/resolve.js';

function planned(text: string) {
	const described = describe(text);
	if (!described.ok) throw new Error(described.message);
	const {entities, ignored, assumed} = described.value;
	return {
		tables: Object.fromEntries(entities.map(entity => [entity.plural, entity.attrs.join(' ')])),
		said: [...assumed, ...entities.flatMap(entity => entity.assumptions)],
		ignored,
	};
}

test('greetings, context, questions and sign-offs are left out and listed, not refused', t => {
	const plan = planned('Hi! We run a small gym. Members have a name and an email. Does this look sane? Thanks in advance!');
	t.deepEqual(plan.tables, {members: 'name:string email:string'});
	t.true(plan.ignored.some(line => line.includes('We run a small gym')));
	t.true(plan.ignored.some(line => line.includes('Does this look sane')));
	t.true(plan.ignored.some(line => line.includes('Thanks in advance')));
});

test('a bracketed type hint is the type, never enum values', t => {
	const plan = planned('meters with a kwh (decimal, 3 dp), a reading (like 21.1), notes (long text) and a code (2-letter)');
	t.deepEqual(plan.tables, {meters: 'kwh:decimal reading:float notes:text code:string'});
	t.true(
		plan.said.some(line => /kwh: read '\(decimal, 3 ?dp\)' as decimal/.test(line)),
		plan.said.join('\n'),
	);
	t.true(
		plan.said.some(line => /reading: read '\(like 21\.1\)' as float/.test(line)),
		plan.said.join('\n'),
	);
});

test('notes for optional, unique and defaults: blank while open, no two may share, starting at 0, false to begin with', t => {
	const plan = planned('jobs with a closed at (blank while it is open), a slug (no two may share a slug), a retries (starting at 0) and a done flag (false to begin with)');
	t.deepEqual(plan.tables, {jobs: 'closed_at:utc_datetime:optional slug:string:unique retries:integer:default:0 done:boolean:default:false'});
});

test('a note of which nothing is read is left out with the field kept, and said', t => {
	const plan = planned('cats with a name (as the owner says it)');
	t.deepEqual(plan.tables, {cats: 'name:string'});
	t.true(
		plan.said.some(line => line.includes("left out the note '(as the owner says it)'")),
		plan.said.join('\n'),
	);
});

test('a typo in a structure word is read as the word, and said', t => {
	const plan = planned('events with a name. attendees belogns to events, with an email');
	t.deepEqual(plan.tables, {events: 'name:string', attendees: 'email:string event_id:references:events'});
	t.true(plan.said.includes("read 'belogns' as 'belongs'"));
});

test('unique per two fields, and "once per", give a unique pair', t => {
	const described = describe('votes: poll, user, cast at; a user votes once per poll');
	if (!described.ok) return t.fail(described.message);
	t.deepEqual(described.value.entities.find(entity => entity.plural === 'votes')?.uniquePairs, [['user_id', 'poll_id']]);
});

test('words that fit nowhere beside an entity are left out and listed; with strict they are refused, quoted', t => {
	const plan = planned('products with a price, soft deletable');
	t.deepEqual(plan.tables, {products: 'price:decimal'});
	t.true(plan.ignored.some(line => line.startsWith("'soft deletable': not read")));
	const strict = describe('products with a price, soft deletable', undefined, {strict: true});
	t.false(strict.ok);
	if (!strict.ok) t.regex(strict.message, /'soft deletable'.*Write entities like/);
});

test('without any entity the refusal quotes what it could not read and shows a phrasing that works', t => {
	const refused = describe('make it fast please');
	t.false(refused.ok);
	if (!refused.ok) {
		t.regex(refused.message, /make it fast/);
		t.regex(refused.message, /posts with a title/);
	}
});

async function firstTurn(text: string, strict: boolean) {
	const history: ConversationItem[] = [{role: 'user', text: `Generate into the project: ${text}`, description: text}];
	return new OfflineProvider({strict}).nextTurn({
		history,
		tools: ['inspect_project', 'generate_schema', 'generate_migration', 'generate_context'].map(name => ({name, description: '', inputSchema: {type: 'object'}})),
		projectPath: '/tmp/app',
	});
}

test('the offline provider with strict refuses a plan that needed an assumption, naming it; without strict it states it', async t => {
	const text = 'rooms with a name and a capacity';
	const loose = await firstTurn(text, false);
	t.is(loose.failure, undefined);
	t.regex(loose.text, /Assumptions:\n {2}- rooms\.capacity: integer, from the name/);
	const strict = await firstTurn(text, true);
	t.truthy(strict.failure);
	t.is(strict.functionCalls.length, 0);
	t.regex(strict.text, /--strict: this plan needs an assumption: rooms\.capacity: integer, from the name/);
	const exact = await firstTurn('rooms with a name and a capacity as integer', true);
	t.is(exact.failure, undefined);
	t.is(exact.functionCalls[0]?.name, 'inspect_project');
});
