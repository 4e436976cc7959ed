/**
 * `mix phx.gen.context` (Phoenix 1.8): validates the context options into a ContextSpec and
 * renders the context module with its access functions (context.ex + schema_access.ex,
 * schema_access_scope.ex, access_no_schema.ex or access_no_schema_scope.ex), plus the test and
 * fixtures files, each created or injected before the module's final `end`.
 */
import {renderContextTestModule, renderTestCases, DEFAULT_SAMPLE_NOW} from './context-test.js';
import {GeneratorError} from './errors.js';
import {renderFixtures, renderFixturesModule} from './fixtures.js';
import {createOrInject, type FileAction} from './inject.js';
import {underscore} from './naming.js';
import {scopeAlias, type ProjectInfo, type ScopeConfig} from './project-info.js';
import {assertContextNames, assertGeneratableModule} from './reserved-names.js';
import {assertModuleName, assertProject, buildSchemaSpec, type GeneratedFile, type SchemaOptions, type SchemaSpec} from './schema-spec.js';

export interface ContextOptions extends Omit<SchemaOptions, 'schema'> {
	/** "Blog" or "Site.Blog", relative to the app's base module */
	context: string;
	/** "Post", relative to the context */
	schema: string;
	/** access functions that raise "TODO" instead of using a schema (mix phx.gen.context --no-schema) */
	noSchema?: boolean;
}

export interface ContextSpec {
	schema: SchemaSpec;
	/** MyApp.Blog */
	module: string;
	/** Blog */
	alias: string;
	/** "Blog" as written */
	name: string;
	/** blog */
	basename: string;
	/** lib/my_app/blog.ex */
	file: string;
	/** test/my_app/blog_test.exs */
	testFile: string;
	/** MyApp.BlogTest */
	testModule: string;
	/** test/support/fixtures/blog_fixtures.ex */
	fixturesFile: string;
	/** MyApp.BlogFixtures */
	fixturesModule: string;
	/** true with the noSchema option: the access functions raise "TODO" */
	noSchema?: boolean;
}

export interface FileChange extends GeneratedFile {
	action: FileAction;
}

export interface RenderContextOptions {
	/** the clock for date and datetime sample values (Phoenix uses today); defaults to a fixed instant */
	now?: Date;
}

export function buildContextSpec(project: ProjectInfo, options: ContextOptions): ContextSpec {
	assertProject(project);
	if (!options || typeof options !== 'object') throw new GeneratorError('Context options are missing.');
	const {context, schema} = options;
	assertModuleName(context, 'Context', 'Blog');
	assertModuleName(schema, 'Schema', 'Post');
	if (context === schema) {
		throw new GeneratorError(`The context and schema should have different names, both are "${context}"; e.g. context "Blog" with schema "Post".`);
	}
	assertGeneratableModule(project, context, 'Context');
	const alias = context.split('.').pop()!;
	const schemaAlias = schema.split('.').pop()!;
	if (alias === schemaAlias) {
		// Phoenix allows it, but the generated test then aliases both modules to the same name.
		throw new GeneratorError(`The context "${context}" and the schema "${schema}" end with the same name "${alias}", which makes their aliases clash in the generated code; rename one of them.`);
	}
	const {context: _context, schema: _schema, noSchema, ...schemaOptions} = options;
	const schemaSpec = buildSchemaSpec(project, {...schemaOptions, schema: `${context}.${schema}`});
	const module = `${project.base}.${context}`;
	assertContextNames(project, {module, alias, schemaName: schema}, schemaSpec);
	const basedir = underscore(context);
	return {
		schema: schemaSpec,
		module,
		alias,
		name: context,
		basename: basedir.split('/').pop()!,
		file: `lib/${project.app}/${basedir}.ex`,
		testFile: `test/${project.app}/${basedir}_test.exs`,
		testModule: `${module}Test`,
		fixturesFile: `test/support/fixtures/${basedir}_fixtures.ex`,
		fixturesModule: `${module}Fixtures`,
		...(noSchema ? {noSchema: true} : {}),
	};
}

/** context.ex: the module a new context starts with. */
export function renderContextModule(context: ContextSpec): string {
	return `defmodule ${context.module} do
  @moduledoc """
  The ${context.name} context.
  """

  import Ecto.Query, warn: false
  alias ${context.schema.repoAlias}
end
`;
}

/** The access block injected into the context for this schema (the template Phoenix picks). */
export function renderSchemaAccess(context: ContextSpec): string {
	const scope = context.schema.scope;
	if (context.noSchema) return scope ? accessNoSchemaScoped(context, scope) : accessNoSchema(context);
	return scope ? schemaAccessScoped(context, scope) : schemaAccess(context);
}

/**
 * The three files of phx.gen.context for this schema: each created (starting template plus block)
 * when missing, injected before the final `end` when present, or left unchanged when it already
 * has the block. `existing` holds the current text of each file that exists.
 */
export function renderContextFiles(
	spec: ContextSpec,
	existing: {context?: string; test?: string; fixtures?: string},
	options: RenderContextOptions = {},
): {context: FileChange; test: FileChange; fixtures: FileChange} {
	const now = options.now ?? DEFAULT_SAMPLE_NOW;
	if (Number.isNaN(now.getTime())) throw new GeneratorError('The "now" given for sample dates is not a valid date.');
	const change = (path: string, module: string, current: string | undefined, fresh: string, block: string): FileChange => ({
		path,
		...createOrInject(current, fresh, block, `The file ${path}`, module),
	});
	return {
		context: change(spec.file, spec.module, existing.context, renderContextModule(spec), renderSchemaAccess(spec)),
		test: change(spec.testFile, spec.testModule, existing.test, renderContextTestModule(spec), renderTestCases(spec, now)),
		fixtures: change(spec.fixturesFile, spec.fixturesModule, existing.fixtures, renderFixturesModule(spec), renderFixtures(spec, now)),
	};
}

const BS = '\\\\'; // Elixir's default-argument operator `\\`

function schemaAccess(context: ContextSpec): string {
	const {module, alias: a, singular: s, plural: p, humanSingular} = context.schema;
	return `
  alias ${module}

  @doc """
  Returns the list of ${p}.

  ## Examples

      iex> list_${p}()
      [%${a}{}, ...]

  """
  def list_${p} do
    Repo.all(${a})
  end

  @doc """
  Gets a single ${s}.

  Raises \`Ecto.NoResultsError\` if the ${humanSingular} does not exist.

  ## Examples

      iex> get_${s}!(123)
      %${a}{}

      iex> get_${s}!(456)
      ** (Ecto.NoResultsError)

  """
  def get_${s}!(id), do: Repo.get!(${a}, id)

  @doc """
  Creates a ${s}.

  ## Examples

      iex> create_${s}(%{field: value})
      {:ok, %${a}{}}

      iex> create_${s}(%{field: bad_value})
      {:error, %Ecto.Changeset{}}

  """
  def create_${s}(attrs) do
    %${a}{}
    |> ${a}.changeset(attrs)
    |> Repo.insert()
  end

  @doc """
  Updates a ${s}.

  ## Examples

      iex> update_${s}(${s}, %{field: new_value})
      {:ok, %${a}{}}

      iex> update_${s}(${s}, %{field: bad_value})
      {:error, %Ecto.Changeset{}}

  """
  def update_${s}(%${a}{} = ${s}, attrs) do
    ${s}
    |> ${a}.changeset(attrs)
    |> Repo.update()
  end

  @doc """
  Deletes a ${s}.

  ## Examples

      iex> delete_${s}(${s})
      {:ok, %${a}{}}

      iex> delete_${s}(${s})
      {:error, %Ecto.Changeset{}}

  """
  def delete_${s}(%${a}{} = ${s}) do
    Repo.delete(${s})
  end

  @doc """
  Returns an \`%Ecto.Changeset{}\` for tracking ${s} changes.

  ## Examples

      iex> change_${s}(${s})
      %Ecto.Changeset{data: %${a}{}}

  """
  def change_${s}(%${a}{} = ${s}, attrs ${BS} %{}) do
    ${a}.changeset(${s}, attrs)
  end
`;
}

function schemaAccessScoped(context: ContextSpec, scope: ScopeConfig): string {
	const {module, alias: a, singular: s, plural: p, humanSingular} = context.schema;
	const sa = scopeAlias(scope);
	const key = `scope.${scope.accessPath.join('.')}`;
	const pk = context.schema.primaryKey ?? 'id';
	const pubsub = `${context.schema.project.base}.PubSub`;
	const topic = `"${scope.name}:#{key}:${p}"`;
	const owns = `true = ${s}.${scope.schemaKey} == ${key}`;
	return `
  alias ${module}
  alias ${scope.module}

  @doc """
  Subscribes to scoped notifications about any ${s} changes.

  The broadcasted messages match the pattern:

    * {:created, %${a}{}}
    * {:updated, %${a}{}}
    * {:deleted, %${a}{}}

  """
  def subscribe_${p}(%${sa}{} = scope) do
    key = ${key}

    Phoenix.PubSub.subscribe(${pubsub}, ${topic})
  end

  defp broadcast_${s}(%${sa}{} = scope, message) do
    key = ${key}

    Phoenix.PubSub.broadcast(${pubsub}, ${topic}, message)
  end

  @doc """
  Returns the list of ${p}.

  ## Examples

      iex> list_${p}(scope)
      [%${a}{}, ...]

  """
  def list_${p}(%${sa}{} = scope) do
    Repo.all_by(${a}, ${scope.schemaKey}: ${key})
  end

  @doc """
  Gets a single ${s}.

  Raises \`Ecto.NoResultsError\` if the ${humanSingular} does not exist.

  ## Examples

      iex> get_${s}!(scope, 123)
      %${a}{}

      iex> get_${s}!(scope, 456)
      ** (Ecto.NoResultsError)

  """
  def get_${s}!(%${sa}{} = scope, ${pk}) do
    Repo.get_by!(${a}, ${pk}: ${pk}, ${scope.schemaKey}: ${key})
  end

  @doc """
  Creates a ${s}.

  ## Examples

      iex> create_${s}(scope, %{field: value})
      {:ok, %${a}{}}

      iex> create_${s}(scope, %{field: bad_value})
      {:error, %Ecto.Changeset{}}

  """
  def create_${s}(%${sa}{} = scope, attrs) do
    with {:ok, ${s} = %${a}{}} <-
           %${a}{}
           |> ${a}.changeset(attrs, scope)
           |> Repo.insert() do
      broadcast_${s}(scope, {:created, ${s}})
      {:ok, ${s}}
    end
  end

  @doc """
  Updates a ${s}.

  ## Examples

      iex> update_${s}(scope, ${s}, %{field: new_value})
      {:ok, %${a}{}}

      iex> update_${s}(scope, ${s}, %{field: bad_value})
      {:error, %Ecto.Changeset{}}

  """
  def update_${s}(%${sa}{} = scope, %${a}{} = ${s}, attrs) do
    ${owns}

    with {:ok, ${s} = %${a}{}} <-
           ${s}
           |> ${a}.changeset(attrs, scope)
           |> Repo.update() do
      broadcast_${s}(scope, {:updated, ${s}})
      {:ok, ${s}}
    end
  end

  @doc """
  Deletes a ${s}.

  ## Examples

      iex> delete_${s}(scope, ${s})
      {:ok, %${a}{}}

      iex> delete_${s}(scope, ${s})
      {:error, %Ecto.Changeset{}}

  """
  def delete_${s}(%${sa}{} = scope, %${a}{} = ${s}) do
    ${owns}

    with {:ok, ${s} = %${a}{}} <-
           Repo.delete(${s}) do
      broadcast_${s}(scope, {:deleted, ${s}})
      {:ok, ${s}}
    end
  end

  @doc """
  Returns an \`%Ecto.Changeset{}\` for tracking ${s} changes.

  ## Examples

      iex> change_${s}(scope, ${s})
      %Ecto.Changeset{data: %${a}{}}

  """
  def change_${s}(%${sa}{} = scope, %${a}{} = ${s}, attrs ${BS} %{}) do
    ${owns}

    ${a}.changeset(${s}, attrs, scope)
  end
`;
}

function accessNoSchema(context: ContextSpec): string {
	const {module, alias: a, singular: s, plural: p, humanSingular} = context.schema;
	const pk = context.schema.primaryKey ?? 'id';
	return `
  alias ${module}

  @doc """
  Returns the list of ${p}.

  ## Examples

      iex> list_${p}()
      [%${a}{}, ...]

  """
  def list_${p} do
    raise "TODO"
  end

  @doc """
  Gets a single ${s}.

  Raises if the ${humanSingular} does not exist.

  ## Examples

      iex> get_${s}!(123)
      %${a}{}

  """
  def get_${s}!(${pk}), do: raise "TODO"

  @doc """
  Creates a ${s}.

  ## Examples

      iex> create_${s}(%{field: value})
      {:ok, %${a}{}}

      iex> create_${s}(%{field: bad_value})
      {:error, ...}

  """
  def create_${s}(attrs) do
    raise "TODO"
  end

  @doc """
  Updates a ${s}.

  ## Examples

      iex> update_${s}(${s}, %{field: new_value})
      {:ok, %${a}{}}

      iex> update_${s}(${s}, %{field: bad_value})
      {:error, ...}

  """
  def update_${s}(%${a}{} = ${s}, attrs) do
    raise "TODO"
  end

  @doc """
  Deletes a ${a}.

  ## Examples

      iex> delete_${s}(${s})
      {:ok, %${a}{}}

      iex> delete_${s}(${s})
      {:error, ...}

  """
  def delete_${s}(%${a}{} = ${s}) do
    raise "TODO"
  end

  @doc """
  Returns a data structure for tracking ${s} changes.

  ## Examples

      iex> change_${s}(${s})
      %Todo{...}

  """
  def change_${s}(%${a}{} = ${s}, _attrs ${BS} %{}) do
    raise "TODO"
  end
`;
}

function accessNoSchemaScoped(context: ContextSpec, scope: ScopeConfig): string {
	const {module, alias: a, singular: s, plural: p, humanSingular} = context.schema;
	const sa = scopeAlias(scope);
	// Phoenix's access_no_schema_scope.ex writes `alias Scope` (the scope's alias, not its module).
	return `
  alias ${module}
  alias ${sa}

  @doc """
  Subscribes to scoped notifications about any ${s} changes.
  """
  def subscribe_${s}(%${sa}{} = _scope) do
    raise "TODO"
  end

  @doc """
  Returns the list of ${p}.

  ## Examples

      iex> list_${p}(scope)
      [%${a}{}, ...]

  """
  def list_${p}(%${sa}{} = _scope) do
    raise "TODO"
  end

  @doc """
  Gets a single ${s}.

  Raises if the ${humanSingular} does not exist.

  ## Examples

      iex> get_${s}!(scope, 123)
      %${a}{}

  """
  def get_${s}!(%${sa}{} = _scope, id), do: raise "TODO"

  @doc """
  Creates a ${s}.

  ## Examples

      iex> create_${s}(scope, %{field: value})
      {:ok, %${a}{}}

      iex> create_${s}(scope, %{field: bad_value})
      {:error, ...}

  """
  def create_${s}(%${sa}{} = _scope, attrs) do
    raise "TODO"
  end

  @doc """
  Updates a ${s}.

  ## Examples

      iex> update_${s}(scope, ${s}, %{field: new_value})
      {:ok, %${a}{}}

      iex> update_${s}(scope, ${s}, %{field: bad_value})
      {:error, ...}

  """
  def update_${s}(%${sa}{} = _scope, %${a}{} = ${s}, attrs) do
    raise "TODO"
  end

  @doc """
  Deletes a ${a}.

  ## Examples

      iex> delete_${s}(scope, ${s})
      {:ok, %${a}{}}

      iex> delete_${s}(scope, ${s})
      {:error, ...}

  """
  def delete_${s}(%${sa}{} = _scope, %${a}{} = ${s}) do
    raise "TODO"
  end

  @doc """
  Returns a data structure for tracking ${s} changes.

  ## Examples

      iex> change_${s}(scope, ${s})
      %Todo{...}

  """
  def change_${s}(%${sa}{} = _scope, %${a}{} = ${s}, _attrs ${BS} %{}) do
    raise "TODO"
  end
`;
}
