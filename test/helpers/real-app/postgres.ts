/** The real-app suite's PostgreSQL: the private server of source/db/private-postgres.ts. */
import {type PrivatePostgres, startPrivatePostgres} from '../../../source/db/private-postgres.js';

export type Postgres = PrivatePostgres;

export async function startPostgres(pgBin: string): Promise<Postgres> {
	return startPrivatePostgres(pgBin);
}
