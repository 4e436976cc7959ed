/**
 * Generated code in a real app (issue 16): each case writes several generations into one test
 * project with the CLI a user runs, then goes through the checks a Phoenix developer runs, on
 * the real Ecto libraries and a private PostgreSQL (test/helpers/real-app/). Batched so the slow
 * part (compile, migrate, test) runs once per project. Cases marked test.failing show an item
 * of issue 16 that fails today.
 */
import {mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
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

/** A run that continues the previous run's conversation (`ectosmith run --continue ID`). */
type FollowUp = {followUp: string};
/** A file written into the project before any run, as a user had it. */
type Existing = {file: string; content: string};
type Step = string | FollowUp | Existing;

// A schema and its migration written by hand, with no context yet (a changeset of the user's own).
const HAND_WRITTEN_POST: Existing[] = [
	{
		file: 'lib/my_app/blog/post.ex',
		content:
			'defmodule MyApp.Blog.Post do\n  @moduledoc "A blog post, written by hand."\n  use Ecto.Schema\n  import Ecto.Changeset\n\n  schema "posts" do\n    field :title, :string\n    field :body, :string\n\n    timestamps(type: :utc_datetime)\n  end\n\n  @doc false\n  def changeset(post, attrs) do\n    post\n    |> cast(attrs, [:title, :body])\n    |> validate_required([:title, :body])\n    |> validate_length(:title, max: 200)\n  end\nend\n',
	},
	{
		file: 'priv/repo/migrations/20240101000000_create_posts.exs',
		content:
			'defmodule MyApp.Repo.Migrations.CreatePosts do\n  use Ecto.Migration\n\n  def change do\n    create table(:posts) do\n      add :title, :string\n      add :body, :text\n\n      timestamps(type: :utc_datetime)\n    end\n  end\nend\n',
	},
];

// What mix phx.gen.auth leaves for a Phoenix 1.8 scope (trimmed to what scoped code uses), and a
// stand-in for Phoenix.PubSub, which the offline libraries lack (local subscribers in a Registry).
const VARIANT_CONFIG = 'import Config\n\nconfig :my_app,\n  ecto_repos: [MyApp.Repo],\n  generators: [timestamp_type: :utc_datetime]\n\n';
const USER_SCOPE: Existing[] = [
	{
		file: 'config/config.exs',
		content: `${VARIANT_CONFIG}config :my_app, :scopes,\n  user: [\n    default: true,\n    module: MyApp.Accounts.Scope,\n    assign_key: :current_scope,\n    access_path: [:user, :id],\n    schema_key: :user_id,\n    schema_type: :id,\n    schema_table: :users,\n    test_data_fixture: MyApp.AccountsFixtures,\n    test_setup_helper: :register_and_log_in_user\n  ]\n\nimport_config "#{config_env()}.exs"\n`,
	},
	{
		file: 'lib/phoenix/pub_sub.ex',
		content:
			'defmodule Phoenix.PubSub do\n  @moduledoc "A stand-in for phoenix_pubsub in the offline test app."\n\n  def child_spec(opts),\n    do: Registry.child_spec(keys: :duplicate, name: Keyword.fetch!(opts, :name))\n\n  def subscribe(pubsub, topic) do\n    {:ok, _} = Registry.register(pubsub, topic, nil)\n    :ok\n  end\n\n  def broadcast(pubsub, topic, message) do\n    Registry.dispatch(pubsub, topic, fn entries ->\n      for {pid, _} <- entries, do: send(pid, message)\n    end)\n\n    :ok\n  end\nend\n',
	},
	{
		file: 'lib/my_app/application.ex',
		content:
			'defmodule MyApp.Application do\n  @moduledoc false\n\n  use Application\n\n  @impl true\n  def start(_type, _args) do\n    children = [MyApp.Repo, {Phoenix.PubSub, name: MyApp.PubSub}]\n    Supervisor.start_link(children, strategy: :one_for_one, name: MyApp.Supervisor)\n  end\nend\n',
	},
	{
		file: 'lib/my_app/accounts/user.ex',
		content: 'defmodule MyApp.Accounts.User do\n  @moduledoc false\n  use Ecto.Schema\n\n  schema "users" do\n    field :email, :string\n\n    timestamps(type: :utc_datetime)\n  end\nend\n',
	},
	{
		file: 'lib/my_app/accounts/scope.ex',
		content:
			'defmodule MyApp.Accounts.Scope do\n  @moduledoc "The caller\'s scope, as mix phx.gen.auth writes it."\n\n  alias MyApp.Accounts.User\n\n  defstruct user: nil\n\n  def for_user(%User{} = user), do: %__MODULE__{user: user}\n  def for_user(nil), do: nil\nend\n',
	},
	{
		file: 'priv/repo/migrations/20240101000000_create_users.exs',
		content:
			'defmodule MyApp.Repo.Migrations.CreateUsers do\n  use Ecto.Migration\n\n  def change do\n    create table(:users) do\n      add :email, :string\n\n      timestamps(type: :utc_datetime)\n    end\n  end\nend\n',
	},
	{
		file: 'test/support/fixtures/accounts_fixtures.ex',
		content:
			'defmodule MyApp.AccountsFixtures do\n  @moduledoc false\n\n  alias MyApp.Accounts.Scope\n\n  def user_fixture(attrs \\\\ %{}) do\n    attrs = Enum.into(attrs, %{email: "user#{System.unique_integer()}@example.com"})\n    MyApp.Repo.insert!(struct(MyApp.Accounts.User, attrs))\n  end\n\n  def user_scope_fixture, do: user_scope_fixture(user_fixture())\n  def user_scope_fixture(user), do: Scope.for_user(user)\nend\n',
	},
];

const FOLLOW_UPS = {
	// Issue 16 item 3: a follow-up adding a required unique field left the fixtures and test attrs without it.
	requiredFollowUp: ['Blog.Post posts title:string', {followUp: 'also give posts a unique slug'}],
	// Issue 16 item 4: a context for a schema that exists was written as raise "TODO" stubs (or refused).
	existingSchema: [...HAND_WRITTEN_POST, 'mix phx.gen.context Blog Post posts title:string body:text --no-schema'],
	// Issue 16 item 6: the follow-up wrote a second schema, MyApp.Library.Post, over posts.
	referenceFollowUp: ['Blog.Post posts title:string', {followUp: 'authors with a name and an email (unique); posts belong to authors'}],
	// Phoenix 1.8 scopes: a scoped schema with a reference to another scoped schema, then a follow-up on it.
	scopedReference: [...USER_SCOPE, 'Blog.Post posts title:string', 'Blog.Comment comments body:text post_id:references:posts', {followUp: 'also give comments a rating as integer'}],
	// A follow-up on a schema whose reference the program sets: the context update kept Phoenix's create_comment(attrs).
	linkedFollowUp: ['comments that belong to posts', {followUp: 'also give comments a body'}],
	// Generations nobody had tried: three follow-ups on one entity, the last with usec datetimes, maps, arrays and an enum.
	followUpChain: [
		'Events.Event events name:string',
		{followUp: 'also give events a unique slug'},
		{followUp: 'also give events a capacity as integer and a public flag'},
		{followUp: 'also give events starts_at:utc_datetime_usec settings:map tags:array:string status:enum:draft:live'},
	],
	// Binary ids on a parent and a child whose reference the program sets, then a follow-up on the child.
	binaryIds: [
		'mix phx.gen.context Blog Post posts title:string --binary-id',
		'mix phx.gen.context Blog Comment comments body:text post_id:references:posts --binary-id',
		{followUp: 'also give comments an author name'},
	],
	// A join table (many-to-many), then a follow-up giving the join table a field of its own.
	joinFollowUp: ['students (name); courses (title); enrollments linking students to courses', {followUp: 'also give enrollments a grade as integer'}],
	// A self-reference: employees with a manager who is an employee.
	selfReference: ['Org.Employee employees name:string manager_id:references:employees'],
	// Two references to one table: requests approved and requested by employees.
	twoReferences: ['Org.Employee employees name:string', 'Org.Request requests title:string approver_id:references:employees requester_id:references:employees'],
	// Issue 16 item 5 with long names: def heads, asserts and fixture lines past 98 columns unless broken as mix format does.
	longNames: [
		'Catalog.ProductVariant product_variants display_name:string',
		'Catalog.ProductVariantOption product_variant_options option_display_name:string option_sort_position:integer product_variant_id:references:product_variants',
	],
	longNamesScoped: [
		...USER_SCOPE,
		'Catalog.ProductVariant product_variants display_name:string',
		'Catalog.ProductVariantOption product_variant_options option_display_name:string product_variant_id:references:product_variants',
	],
	// An existing context extended with a second schema that references the first, then a follow-up on the second.
	secondSchema: [
		'Catalog.Product products name:string price:decimal',
		'Catalog.Review reviews rating:integer body:text product_id:references:products',
		{followUp: 'also give reviews a verified flag'},
	],
} satisfies Record<string, Step[]>;

type ProjectName = keyof typeof PROJECTS | keyof typeof FOLLOW_UPS;
const CASES: Record<ProjectName, Step[]> = {...PROJECTS, ...FOLLOW_UPS};

// ECTOSMITH_REAL_APP_CASES=name,name runs only those cases (while working on them); CI runs all.
const only = process.env.ECTOSMITH_REAL_APP_CASES?.split(',').filter(Boolean);
const selected = (Object.keys(CASES) as ProjectName[]).filter(name => !only || only.includes(name));

let workDir: string | undefined;
let postgres: Postgres | undefined;
let cliFrom: string | undefined;
const results = new Map<ProjectName, ChainResult>();
const projects = new Map<ProjectName, string>();

/** Generates one case into a fresh copy of the test project: its chain to run, or why generating failed. */
async function generateProject(name: ProjectName, libs: EctoLibs, partition: number): Promise<ChainResult | (() => Promise<ChainResult>)> {
	const dir = join(workDir!, name);
	const project = await createCaseProject(join(dir, 'my_app'), libs);
	const cli = await ectosmith(dir);
	cliFrom = cli.from;
	projects.set(name, project);
	try {
		for (const step of CASES[name]) {
			if (typeof step === 'string') await cli.run(project, step);
			else if ('followUp' in step) await cli.run(project, step.followUp, {followUp: true});
			else {
				await mkdir(dirname(join(project, step.file)), {recursive: true});
				await writeFile(join(project, step.file), step.content);
			}
		}
	} catch (error) {
		// A refused generation is this case's failure, not the harness's.
		return {ok: false, steps: [{step: 'ectosmith run', ok: false, output: error instanceof Error ? error.message : String(error)}]};
	}

	return async () => runChain({project, postgres: postgres!, env: libsEnv(libs), partition: `_${partition}`});
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
		// About a minute a case on a busy 2-core machine, plus the libraries.
		t.timeout((3 + selected.length) * 60_000);
		workDir = await realpath(await mkdtemp(join(tmpdir(), 'ectosmith-real-app-')));
		const started = Date.now();
		postgres = await startPostgres(tools!.pgBin);
		const libs = await ectoLibs(tools!.libsArchive);
		t.log(`libraries ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
		const names = selected;
		// One case at a time: many CLIs starting their tool servers at once outrun the servers' start timeout.
		const generated = [];
		for (const [index, name] of names.entries()) generated.push(await generateProject(name, libs, index));
		const chains = await Promise.all(generated.map(async chain => (typeof chain === 'function' ? chain() : chain)));
		for (const [index, name] of names.entries()) results.set(name, chains[index]!);
		t.log(`all projects generated (CLI from ${cliFrom}) and checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	});

	test.after.always(async () => {
		await postgres?.stop();
		// ECTOSMITH_REAL_APP_KEEP=1 keeps the projects to look at a failure.
		if (workDir && !process.env.ECTOSMITH_REAL_APP_KEEP) await rm(workDir, {recursive: true, force: true});
	});

	/** The test of one case, skipped when ECTOSMITH_REAL_APP_CASES leaves it out. */
	function caseTest(title: string, name: ProjectName, more?: (t: ExecutionContext) => Promise<void>) {
		(selected.includes(name) ? test : test.skip)(title, async t => {
			assertChainPasses(t, name);
			await more?.(t);
		});
	}

	function assertChainPasses(t: ExecutionContext, name: ProjectName) {
		const result = results.get(name)!;
		// A known failure's assertion is not printed: the log says which step failed, and how.
		if (!result.ok) t.log(describeChain(result));
		t.true(result.ok, describeChain(result));
	}

	caseTest('a blog, a shop and users with a unique email compile, migrate both ways, pass their tests and are formatted', 'passing');
	caseTest('issue 16 item 1: a schema whose only field is a reference passes the chain', 'referencesOnly');
	caseTest('issue 16 item 1: a minimal parent table (no field) and comments with only its reference pass the chain', 'minimalParent');
	caseTest('issue 16 item 2: a join table of users and posts holds its references and its unique pair', 'joinTable');
	caseTest('issue 16 item 2: posts with fields that belong to users in another context store the reference', 'belongsToWithFields');
	caseTest('issue 16 item 5: schemas with many fields are format-clean', 'formatting');
	caseTest('issue 16 item 3: a follow-up adding a required unique field updates the fixtures and test attrs, and the tests pass', 'requiredFollowUp');
	caseTest('issue 16 item 4: a context for a schema that exists has real access functions against it and passes the chain', 'existingSchema');
	caseTest('issue 16 item 6: "posts belong to authors" alters posts, passes the chain and leaves one schema for posts', 'referenceFollowUp', async t => {
		const lib = join(projects.get('referenceFollowUp')!, 'lib');
		const files = (await readdir(lib, {recursive: true})).filter(file => file.endsWith('.ex'));
		const mapping = [];
		for (const file of files) if ((await readFile(join(lib, file), 'utf8')).includes('schema "posts" do')) mapping.push(file);
		t.deepEqual(mapping, ['my_app/blog/post.ex']);
	});
	caseTest('a follow-up on comments that belong to posts keeps create_comment(post, attrs) in the context, fixtures and tests', 'linkedFollowUp', async t => {
		const project = projects.get('linkedFollowUp')!;
		t.regex(await readFile(join(project, 'lib/my_app/blog.ex'), 'utf8'), /def create_comment\(%Post\{\} = post, attrs\) do/);
		t.regex(await readFile(join(project, 'test/support/fixtures/blog_fixtures.ex'), 'utf8'), /post = post_fixture\(\)/);
	});
	caseTest('three follow-ups on one entity, the last with utc_datetime_usec, map, array and enum fields', 'followUpChain', async t => {
		const schema = await readFile(join(projects.get('followUpChain')!, 'lib/my_app/events/event.ex'), 'utf8');
		for (const field of [
			'field :slug, :string',
			'field :capacity, :integer',
			'field :starts_at, :utc_datetime_usec',
			'field :settings, :map',
			'field :tags, {:array, :string}',
			'field :status, Ecto.Enum',
		]) {
			t.true(schema.includes(field), field);
		}
	});
	caseTest('binary ids on a parent and a linked child, then a follow-up on the child', 'binaryIds', async t => {
		const schema = await readFile(join(projects.get('binaryIds')!, 'lib/my_app/blog/comment.ex'), 'utf8');
		t.regex(schema, /@foreign_key_type :binary_id/);
		t.regex(schema, /field :author_name, :string/);
	});
	caseTest('a many-to-many join table, then a follow-up giving it a field', 'joinFollowUp');
	caseTest('scoped schemas (Phoenix 1.8 scopes): a comment referencing a post, then a follow-up on it', 'scopedReference');
	caseTest("a self-reference (an employee's manager)", 'selfReference');
	caseTest('two references to one table (approver and requester employees)', 'twoReferences');
	caseTest('an existing context extended with a second schema referencing the first, then a follow-up on it', 'secondSchema');
	caseTest('issue 16 item 5: long names (Catalog.ProductVariantOption referencing product_variants) are format-clean', 'longNames');
	caseTest('issue 16 item 5: long names in a scoped context are format-clean', 'longNamesScoped');
}
