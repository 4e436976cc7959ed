/** access_no_schema.ex (Phoenix 1.8, --no-schema): access functions that raise until implemented. */
import {BS, type ContextSpec} from './context-spec.js';

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
