/** access_no_schema_scope.ex (Phoenix 1.8, --no-schema with a scope): scoped access functions that raise until implemented. */
import {BS, type ContextSpec} from './context-spec.js';
import {defHead} from './layout.js';
import type {ScopeConfig} from './project-info.js';
import {scopeAlias} from './project-info.js';

export function accessNoSchemaScoped(context: ContextSpec, scope: ScopeConfig): string {
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
${defHead(2, `list_${p}`, [`%${sa}{} = _scope`])}
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
${defHead(2, `create_${s}`, [`%${sa}{} = _scope`, `attrs`])}
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
${defHead(2, `update_${s}`, [`%${sa}{} = _scope`, `%${a}{} = ${s}`, `attrs`])}
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
${defHead(2, `delete_${s}`, [`%${sa}{} = _scope`, `%${a}{} = ${s}`])}
    raise "TODO"
  end

  @doc """
  Returns a data structure for tracking ${s} changes.

  ## Examples

      iex> change_${s}(scope, ${s})
      %Todo{...}

  """
${defHead(2, `change_${s}`, [`%${sa}{} = _scope`, `%${a}{} = ${s}`, `_attrs ${BS} %{}`])}
    raise "TODO"
  end
`;
}
