/**
 * `ectosmith db copy --from A --to B`: configuration and history from one database into another
 * (source/db/copy.ts). --from defaults to the database in use (--db, ECTOSMITH_DB, the default
 * file); the source must exist, the target may be new. Both are migrated as any start does; the
 * target is not seeded, so the source's own configuration is what arrives.
 */
import {existsSync} from 'node:fs';
import type {CopyReport, NamedCopy} from '../db/copy.js';
import {dialectOf, maskDatabaseUrl} from '../db/database-url.js';
import {chosenPath, resolveDbPath} from '../db/db-path.js';
import {UsageError} from '../errors.js';

export interface CopyFlags {
	db?: string;
	from?: string;
	to?: string;
}

/** Two locations naming one database: the same file, or the same server, database and user. */
function sameDatabase(a: string, b: string): boolean {
	if (dialectOf(a) !== dialectOf(b)) return false;
	if (dialectOf(a) === 'sqlite') return a === b;
	const key = (location: string) => {
		const url = new URL(location);
		return [url.hostname || 'localhost', url.port || '5432', url.pathname, url.username, url.searchParams.get('host') ?? ''].join('|');
	};
	return key(a) === key(b);
}

export async function dbCopyCommand(flags: CopyFlags): Promise<number> {
	if (flags.to === undefined) throw new UsageError('db copy needs --to <db>: the database to copy into, a file or a postgresql:// URL (for example --to postgresql://me@db.team:5432/ectosmith).');
	if (flags.from !== undefined && flags.db !== undefined) throw new UsageError('db copy takes the database to copy from as --from; --db means nothing to it.');
	const from = flags.from === undefined ? resolveDbPath(flags.db === undefined ? {} : {db: flags.db}) : chosenPath(flags.from, '--from');
	const to = chosenPath(flags.to, '--to');
	const [shownFrom, shownTo] = [maskDatabaseUrl(from), maskDatabaseUrl(to)];
	if (sameDatabase(from, to)) throw new UsageError(`--from and --to both name ${shownTo}; copy between two databases.`);
	// Opening would create an empty file: a source that is not there is a mistake, not an empty history.
	if (dialectOf(from) === 'sqlite' && !existsSync(from)) throw new UsageError(`--from ${shownFrom}: there is no database file there.`);

	const [{openDatabase, explainDatabaseError}, {copyDatabase}, {Recorder}] = await Promise.all([import('../db/orm.js'), import('../db/copy.js'), import('../records/recorder.js')]);
	const source = await openDatabase({dbPath: from, seed: false, createFolder: false});
	try {
		const target = await openDatabase({dbPath: to, seed: false, createFolder: false});
		try {
			// Runs of processes that died are ended first (as any start does), so they are copied as what they are.
			await new Recorder(source).markInterrupted();
			const report = await copyDatabase(source, target).catch((error: unknown) => {
				throw explainDatabaseError(to, error);
			});
			process.stdout.write(describeCopy(report, shownFrom, shownTo));
		} finally {
			await target.close(true);
		}
	} finally {
		await source.close(true);
	}

	return 0;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function named(copy: NamedCopy, shownTo: string): string {
	const kept = copy.kept.length === 0 ? '' : `, ${copy.kept.length} already there (kept as they are in ${shownTo}: ${copy.kept.join(', ')})`;
	return `${copy.created.length} created${copy.created.length === 0 ? '' : ` (${copy.created.join(', ')})`}${kept}`;
}

export function describeCopy(report: CopyReport, shownFrom: string, shownTo: string): string {
	const {copied} = report;
	const lines = [
		copied.length === 0
			? `Nothing new to copy from ${shownFrom} into ${shownTo}.`
			: `Copied ${plural(copied.length, 'execution')} (${plural(report.messages, 'message')}) from ${shownFrom} into ${shownTo}.`,
		`  servers:   ${named(report.servers, shownTo)}`,
		`  workflows: ${named(report.workflows, shownTo)}`,
	];
	if (copied.length > 0) {
		const pairs = copied.length <= 6 ? copied : [...copied.slice(0, 3), undefined, ...copied.slice(-2)];
		lines.push(`  ids:       ${pairs.map(pair => (pair === undefined ? '…' : `#${pair.from} is #${pair.to}`)).join(', ')}`);
	}

	if (report.alreadyThere > 0) lines.push(`  ${plural(report.alreadyThere, 'execution')} already in ${shownTo} left as ${report.alreadyThere === 1 ? 'it is' : 'they are'}.`);
	if (report.running > 0) lines.push(`  ${plural(report.running, 'execution')} still running in ${shownFrom} left out: copy again once ${report.running === 1 ? 'it has' : 'they have'} ended.`);
	return `${lines.join('\n')}\n`;
}
