/**
 * Generated code in a real app (issue 16): each case writes several generations into one test
 * project with the CLI a user runs, then goes through the checks a Phoenix developer runs, on
 * the real Ecto libraries and a private PostgreSQL (test/helpers/real-app/). Batched so the slow
 * part (compile, migrate, test) runs once per project. Cases marked test.failing show an item
 * of issue 16 that fails today.
 */
import {mkdtemp, realpath, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import test, {type ExecutionContext} from 'ava';
import {type ChainResult, describeChain, runChain} from '../helpers/real-app/chain.js';
import {type EctoLibs, ectoLibs, libsEnv} from '../helpers/real-app/ecto-libs.js';
import {ectosmith} from '../helpers/real-app/generate.js';
import {type Postgres, startPostgres} from '../helpers/real-app/postgres.js';
import {createCaseProject} from '../helpers/real-app/project.js';
import {realAppTools, requireRealApp} from '../helpers/real-app/requirements.js';

const PROJECTS = {
	passing: ['Blog.Post posts title:string body:text published:boolean', 'Catalog.Product products name:string price:decimal sku:string:unique', 'Accounts.User users email:string:unique name:string'],
	// Issue 16 item 1: a schema whose only field is a reference (cast(attrs, []), an invalid-attrs test that cannot fail).
	referencesOnly: ['Blog.Post posts title:string', 'Blog.Comment comments post_id:references:posts'],
	// Issue 16 item 2: a join table whose unique pair must hold, and posts (with fields) that belong to users.
	joinTable: ['users (username unique, display name, bio); posts (body, user); likes join users and posts'],
	// Issue 16 item 2: the parent in another context.
	belongsToWithFields: ['Accounts.User users name:string email:string:unique', 'Blog.Post posts title:string body:text user_id:references:users'],
	// Issue 16 item 1: the minimal parent table the planner creates (no field at all) and a comment with only its reference.
	minimalParent: ['comments that belong to posts'],
	// Issue 16 item 5: long cast/validate_required lists and test maps (mix format rejected them).
	formatting: [
		'Crm.Contact contacts first_name:string last_name:string email:string phone:string company_name:string notes:text',
		'Crm.Company companies name:string legal_name:string website:string industry:string employee_count:integer annual_revenue:decimal founded_on:date notes:text',
	],
};

type ProjectName = keyof typeof PROJECTS;

let workDir: string | undefined;
let postgres: Postgres | undefined;
let cliFrom: string | undefined;
const results = new Map<ProjectName, ChainResult>();

/** Generates one project's descriptions into a fresh copy of the test project and runs the chain. */
async function checkProject(name: ProjectName, libs: EctoLibs, partition: number): Promise<ChainResult> {
	const dir = join(workDir!, name);
	const project = await createCaseProject(join(dir, 'my_app'), libs);
	const cli = await ectosmith(dir);
	cliFrom = cli.from;
	for (const description of PROJECTS[name]) await cli.run(project, description);
	return runChain({project, postgres: postgres!, env: libsEnv(libs), partition: `_${partition}`});
}

if (realAppTools().missing) {
	// One line saying what is missing (a failure under CI=true).
	test('the real-app suite', t => {
		requireRealApp(t);
	});
} else {
	// Everything that can break the harness runs here, so a test.failing case cannot pass because of it.
	test.before(async t => {
		const {tools} = realAppTools();
		t.timeout(8 * 60_000);
		workDir = await realpath(await mkdtemp(join(tmpdir(), 'ectosmith-real-app-')));
		const started = Date.now();
		postgres = await startPostgres(tools!.pgBin);
		const libs = await ectoLibs(tools!.libsArchive);
		t.log(`libraries ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		const names = Object.keys(PROJECTS) as ProjectName[];
		const chains = await Promise.all(names.map(async (name, index) => checkProject(name, libs, index)));
		for (const [index, name] of names.entries()) results.set(name, chains[index]!);
		t.log(`all projects generated (CLI from ${cliFrom}) and checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	});

	test.after.always(async () => {
		await postgres?.stop();
		if (workDir) await rm(workDir, {recursive: true, force: true});
	});

	function assertChainPasses(t: ExecutionContext, name: ProjectName) {
		const result = results.get(name)!;
		// A known failure's assertion is not printed: the log says which step failed, and how.
		if (!result.ok) t.log(describeChain(result));
		t.true(result.ok, describeChain(result));
	}

	test('a blog, a shop and users with a unique email compile, migrate both ways, pass their tests and are formatted', t => {
		assertChainPasses(t, 'passing');
	});

	test('issue 16 item 1: a schema whose only field is a reference passes the chain', t => {
		assertChainPasses(t, 'referencesOnly');
	});

	test('issue 16 item 1: a minimal parent table (no field) and comments with only its reference pass the chain', t => {
		assertChainPasses(t, 'minimalParent');
	});

	test('issue 16 item 2: a join table of users and posts holds its references and its unique pair', t => {
		assertChainPasses(t, 'joinTable');
	});

	test('issue 16 item 2: posts with fields that belong to users in another context store the reference', t => {
		assertChainPasses(t, 'belongsToWithFields');
	});

	test('issue 16 item 5: schemas with many fields are format-clean', t => {
		assertChainPasses(t, 'formatting');
	});
}
