import test from 'ava';
import {planOf} from './plan-of.js';

test('TypeScript: optional members, | null, literal unions as enums, a typed reference, arrays, Date', t => {
	const planned = planOf(`export interface Customer {
  id: number;
  name: string;
  email: string;
}

export interface Invoice {
  id: number;
  customer: Customer;
  number: string;
  status: 'draft' | 'sent' | 'paid';
  total: number;
  notes?: string | null;
  lineLabels: string[];
  dueOn: Date;
}`);
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.tables, {
		customers: 'name:string email:string',
		invoices: 'customer_id:references:customers number:string status:enum:draft:sent:paid total:decimal notes:string:optional line_labels:array:string due_on:utc_datetime',
	});
	t.true(planned.assumptions.some(text => text.startsWith('total: number read as decimal')));
});

test('TypeScript: a number takes its type from the name (cents and counts are integers, money decimal, coordinates float), and says so', t => {
	const planned = planOf('interface Payment {\n  amountCents: number;\n  retryCount: number;\n  fee: number;\n  lat: number;\n  attempts: number;\n}');
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.tables, {payments: 'amount_cents:integer retry_count:integer fee:decimal lat:float attempts:integer'});
	t.true(planned.assumptions.includes('amount_cents: number read as integer, from the name'));
});

test('TypeScript: a comment is a type hint (a day, an instant, long text, a whole number), stated; a remark that names no type changes nothing', t => {
	const planned = planOf(`interface Visit {
  vetName: string; // full name as printed
  seenOn: string; // YYYY-MM-DD
  /** ISO 8601 timestamp */
  nextReminder: string;
  summary: string; // markdown, can be long
  weightGrams: number; // int
  fee: number; // decimal, 2 places
  startedAt: number; // unix timestamp
}`);
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.tables, {visits: 'vet_name:string seen_on:date next_reminder:utc_datetime summary:text weight_grams:integer fee:decimal started_at:utc_datetime'});
	t.true(planned.assumptions.includes("seen_on: string read as date, from the comment 'YYYY-MM-DD'"));
	t.true(planned.assumptions.includes("summary: string read as text, from the comment 'markdown, can be long'"));
});

test('TypeScript: a string named like a day is a date, like an instant a utc_datetime, and says so', t => {
	const planned = planOf('type Lease = {\n  signedOn: string;\n  moveInDate: string;\n  returnedAt?: string;\n};');
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.tables, {leases: 'signed_on:date move_in_date:date returned_at:utc_datetime:optional'});
	t.true(planned.assumptions.includes('signed_on: a string named like a day, read as date'));
});

test('TypeScript: a comment declares a reference (-> X, FK x), to a pasted interface or to a table it does not describe', t => {
	const planned = planOf(
		'interface Seat {\n  id: number;\n  rowLabel: string;\n  hallId: number; // -> Hall\n  patronId: number; // FK patrons\n}\n\ninterface Hall {\n  id: number;\n  name: string;\n}',
	);
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.tables, {seats: 'row_label:string hall_id:references:halls patron_id:references:patrons', halls: 'name:string', patrons: ''});
});

test('TypeScript: a uuid ...Id is a reference with binary ids, to a table the paste does not describe: a minimal table, stated', t => {
	const planned = planOf('export interface Checkout {\n  id: number;\n  cartId: string; // uuid\n  total: number;\n}');
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.tables, {checkouts: 'cart_id:references:carts total:decimal', carts: ''});
	t.true(planned.binaryId);
	t.true(planned.assumptions.includes("cart_id: a reference to carts, from the name and the comment 'uuid'"));
	t.true(planned.assumptions.includes('cart_id: a UUID reference, so the plan uses binary ids'));
});

test('TypeScript: a numeric ...Id is a key: a reference even to a type the paste does not include (a minimal table, stated); timestamps are left to Phoenix', t => {
	const planned = planOf('interface Answer {\n  id: number;\n  questionId: number;\n  text: string;\n  createdAt: string;\n  externalRef: string;\n}');
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.tables, {answers: 'question_id:references:questions text:string external_ref:string', questions: ''});
	t.true(planned.assumptions.includes('question_id: a reference to questions, from the name'));
	t.false(planned.assumptions.some(line => line.startsWith('created_at')));
});

test('TypeScript: a number commented as cents is an integer, whatever its name suggests', t => {
	const planned = planOf('interface Refund {\n  id: number;\n  total: number; // cents\n  fee: number;\n}');
	if ('refused' in planned) return t.fail(planned.refused);
	t.is(planned.tables.refunds, 'total:integer fee:decimal');
	t.true(planned.assumptions.includes("total: number read as integer, from the comment 'cents'"));
});
