import {resolve} from 'node:path';
import {openRecords} from '../app/open-records.js';
import {maskDatabaseUrl} from '../db/database-url.js';
import {resolveDbPath} from '../db/db-path.js';
import type {SeedCounts} from '../db/seed.js';

const subcommands = ['path', 'migrate', 'seed', 'copy'];

/** `ectosmith db path | migrate | seed [--from DIR] | copy [--from DB] --to DB`; returns the exit code. */
export async function dbCommand(args: string[], flags: {db?: string; from?: string; to?: string}): Promise<number> {
	const [subcommand, ...extra] = args;
	if (subcommand === undefined || !subcommands.includes(subcommand)) {
		const what = subcommand === undefined ? 'Missing db subcommand' : `Unknown db subcommand "${subcommand}"`;
		process.stderr.write(`${what}. Use one of: ectosmith db path | db migrate | db seed [--from DIR] | db copy [--from DB] --to DB\n`);
		return 2;
	}

	if (flags.from !== undefined && subcommand !== 'seed' && subcommand !== 'copy') {
		process.stderr.write('--from belongs to `ectosmith db seed --from DIR` and `ectosmith db copy --from DB --to DB`; it means nothing to other commands.\n');
		return 2;
	}

	if (flags.to !== undefined && subcommand !== 'copy') {
		process.stderr.write('--to belongs to `ectosmith db copy --from DB --to DB`; it means nothing to other commands.\n');
		return 2;
	}

	if (extra.length > 0) {
		process.stderr.write(`Unexpected argument(s) after "db ${subcommand}": ${extra.join(' ')}\n`);
		return 2;
	}

	if (subcommand === 'copy') return (await import('./db-copy.js')).dbCopyCommand(flags);

	const dbPath = resolveDbPath({db: flags.db, env: process.env});
	// What the messages name: a PostgreSQL URL without its password.
	const shown = maskDatabaseUrl(dbPath);
	const opening = flags.db === undefined ? {} : {db: flags.db};
	switch (subcommand) {
		case 'path': {
			process.stdout.write(`${shown}\n`);
			return 0;
		}

		case 'migrate': {
			// As on every start: pending migrations, then the default configuration for an empty database.
			const {applied, seeded, close} = await openRecords(opening);
			await close();
			process.stdout.write(
				applied.length === 0 ? `Database ${shown} is up to date; no pending migrations.\n` : `Applied ${applied.length} migration(s) to ${shown}:\n${applied.map(name => `  ${name}\n`).join('')}`,
			);
			if (seeded) {
				process.stdout.write(`Seeded the default configuration\n  servers:   ${describe(seeded.servers)}\n  workflows: ${describe(seeded.workflows)}\n`);
			}

			return 0;
		}

		default: {
			const {explainDatabaseError} = await import('../db/database-error.js');
			const {defaultFixturesDir, importSeed, loadSeedFiles} = await import('../db/seed.js');
			// Validate the files before touching the database.
			if (flags.from !== undefined && flags.from.trim() === '') {
				process.stderr.write('--from needs a folder holding mcp_servers.json and/or workflows.json, for example --from ./config\n');
				return 2;
			}

			const from = flags.from === undefined ? defaultFixturesDir() : resolve(flags.from);
			const data = loadSeedFiles(from);
			const records = await openRecords({...opening, seed: false});
			try {
				const report = await importSeed(records.orm.em.fork(), data).catch((error: unknown) => {
					throw explainDatabaseError(dbPath, error);
				});
				process.stdout.write(`Imported from ${from} into ${shown}\n  servers:   ${describe(report.servers)}\n  workflows: ${describe(report.workflows)}\n`);
			} finally {
				await records.close();
			}

			return 0;
		}
	}
}

function describe(counts: SeedCounts): string {
	return `${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`;
}
