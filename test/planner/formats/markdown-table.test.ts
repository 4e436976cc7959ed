import test from 'ava';
import {planOf} from './plan-of.js';

test('markdown tables under headings: types, required/nullable columns, notes with unique, FK and default', t => {
	const planned = planOf(`## Data model

### vehicles
| field | type | required | notes |
|---|---|---|---|
| plate | varchar(10) | yes | unique |
| make | string | yes | |
| year | int | no | |
| fuel | enum(petrol, diesel, electric) | yes | default petrol |

### trips
| column | type | notes |
| ------ | ---- | ----- |
| vehicle_id | int | FK -> vehicles |
| started_at | timestamp | |
| km | decimal | |`);
	if ('refused' in planned) return t.fail(planned.refused);
	t.deepEqual(planned.tables, {
		vehicles: 'plate:string:unique make:string year:integer:optional fuel:enum:petrol:diesel:electric:default:petrol',
		trips: 'vehicle_id:references:vehicles started_at:utc_datetime km:decimal',
	});
});
