/** schema_access.ex (Phoenix 1.8): a schema's access functions in its context. */
import {BS, type ContextSpec} from './context-spec.js';
import {defHead, oneLineDef} from './layout.js';

/** list_ and get_! as Phoenix writes them: shared by every form of a schema's access functions. */
export function listAndGet(context: ContextSpec): string {
	const {alias: a, singular: s, plural: p, humanSingular} = context.schema;
	return `  @doc """
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
${oneLineDef(`get_${s}!(id)`, `Repo.get!(${a}, id)`)}
`;
}

/** delete_ and the doc of change_ as Phoenix writes them (the head of change_ differs by form). */
/** `update_x/2`, its doc included: the same for the plain and the linked access functions. */
export function updateFunction(context: ContextSpec): string {
	const {alias: a, singular: s} = context.schema;
	return `  @doc """
  Updates a ${s}.

  ## Examples

      iex> update_${s}(${s}, %{field: new_value})
      {:ok, %${a}{}}

      iex> update_${s}(${s}, %{field: bad_value})
      {:error, %Ecto.Changeset{}}

  """
${defHead(2, `update_${s}`, [`%${a}{} = ${s}`, `attrs`])}
    ${s}
    |> ${a}.changeset(attrs)
    |> Repo.update()
  end
`;
}

export function deleteAndChangeDoc(context: ContextSpec): string {
	const {alias: a, singular: s} = context.schema;
	return `  @doc """
  Deletes a ${s}.

  ## Examples

      iex> delete_${s}(${s})
      {:ok, %${a}{}}

      iex> delete_${s}(${s})
      {:error, %Ecto.Changeset{}}

  """
${defHead(2, `delete_${s}`, [`%${a}{} = ${s}`])}
    Repo.delete(${s})
  end

  @doc """
  Returns an \`%Ecto.Changeset{}\` for tracking ${s} changes.

  ## Examples

      iex> change_${s}(${s})
      %Ecto.Changeset{data: %${a}{}}

  """
`;
}

export function schemaAccess(context: ContextSpec): string {
	const {module, alias: a, singular: s} = context.schema;
	return `
  alias ${module}

${listAndGet(context)}
  @doc """
  Creates a ${s}.

  ## Examples

      iex> create_${s}(%{field: value})
      {:ok, %${a}{}}

      iex> create_${s}(%{field: bad_value})
      {:error, %Ecto.Changeset{}}

  """
${defHead(2, `create_${s}`, [`attrs`])}
    %${a}{}
    |> ${a}.changeset(attrs)
    |> Repo.insert()
  end

${updateFunction(context)}
${deleteAndChangeDoc(context)}${defHead(2, `change_${s}`, [`%${a}{} = ${s}`, `attrs ${BS} %{}`])}
    ${a}.changeset(${s}, attrs)
  end
`;
}
