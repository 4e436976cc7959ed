/** access_no_schema.ex (Phoenix 1.8, --no-schema): access functions that raise until implemented. */
import {BS, type ContextSpec} from './context-spec.js';
import {defHead} from './layout.js';

export function accessNoSchema(context: ContextSpec): string {
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
${defHead(2, `create_${s}`, [`attrs`])}
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
${defHead(2, `update_${s}`, [`%${a}{} = ${s}`, `attrs`])}
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
${defHead(2, `delete_${s}`, [`%${a}{} = ${s}`])}
    raise "TODO"
  end

  @doc """
  Returns a data structure for tracking ${s} changes.

  ## Examples

      iex> change_${s}(${s})
      %Todo{...}

  """
${defHead(2, `change_${s}`, [`%${a}{} = ${s}`, `_attrs ${BS} %{}`])}
    raise "TODO"
  end
`;
}
