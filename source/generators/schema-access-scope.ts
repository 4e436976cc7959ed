/** schema_access_scope.ex (Phoenix 1.8): the access functions of a scoped schema, with PubSub broadcasts. */
import {BS, type ContextSpec} from './context-spec.js';
import {defHead, layoutCall, spansLines} from './layout.js';

/** `broadcast_x(scope, {:created, x})` in a `with` body, set off by a blank line when mix format breaks it. */
function broadcastCall(s: string, event: string): string {
	const call = layoutCall(6, `broadcast_${s}(scope, {:${event}, ${s}})`);
	return `      ${call}\n${spansLines(call) ? '\n' : ''}`;
}

import type {ScopeConfig} from './project-info.js';
import {scopeAlias} from './project-info.js';

export function schemaAccessScoped(context: ContextSpec, scope: ScopeConfig): string {
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
${defHead(2, `subscribe_${p}`, [`%${sa}{} = scope`])}
    key = ${key}

    Phoenix.PubSub.subscribe(${pubsub}, ${topic})
  end

  defp broadcast_${s}(%${sa}{} = scope, message) do
    key = ${key}

    ${layoutCall(4, `Phoenix.PubSub.broadcast(${pubsub}, ${topic}, message)`)}
  end

  @doc """
  Returns the list of ${p}.

  ## Examples

      iex> list_${p}(scope)
      [%${a}{}, ...]

  """
${defHead(2, `list_${p}`, [`%${sa}{} = scope`])}
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
${defHead(2, `get_${s}!`, [`%${sa}{} = scope`, `${pk}`])}
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
${defHead(2, `create_${s}`, [`%${sa}{} = scope`, `attrs`])}
    with {:ok, ${s} = %${a}{}} <-
           %${a}{}
           |> ${a}.changeset(attrs, scope)
           |> Repo.insert() do
${broadcastCall(s, 'created')}      {:ok, ${s}}
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
${defHead(2, `update_${s}`, [`%${sa}{} = scope`, `%${a}{} = ${s}`, `attrs`])}
    ${owns}

    with {:ok, ${s} = %${a}{}} <-
           ${s}
           |> ${a}.changeset(attrs, scope)
           |> Repo.update() do
${broadcastCall(s, 'updated')}      {:ok, ${s}}
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
${defHead(2, `delete_${s}`, [`%${sa}{} = scope`, `%${a}{} = ${s}`])}
    ${owns}

    with {:ok, ${s} = %${a}{}} <-
           Repo.delete(${s}) do
${broadcastCall(s, 'deleted')}      {:ok, ${s}}
    end
  end

  @doc """
  Returns an \`%Ecto.Changeset{}\` for tracking ${s} changes.

  ## Examples

      iex> change_${s}(scope, ${s})
      %Ecto.Changeset{data: %${a}{}}

  """
${defHead(2, `change_${s}`, [`%${sa}{} = scope`, `%${a}{} = ${s}`, `attrs ${BS} %{}`])}
    ${owns}

    ${a}.changeset(${s}, attrs, scope)
  end
`;
}
