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
