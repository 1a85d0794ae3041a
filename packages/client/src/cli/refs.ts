import type { Arbiter } from "../create-arbiter";
import { unwrap } from "../errors";
import { CliError, usage } from "./cli-error";
import { EXIT } from "./exit-codes";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Named = { id: string; name: string; slug?: string };

/** The one row whose name (or slug) is `ref`, or an error saying there is none or several. */
function pickByName<T extends Named>(rows: T[], ref: string, what: string): T {
  const matches = rows.filter((r) => r.name === ref || r.slug === ref);
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new CliError(EXIT.NOT_FOUND, `no ${what} named "${ref}"`, "not_found");
  throw usage(
    `${matches.length} ${what}s are named "${ref}": give the id`,
    matches.map((m) => m.id),
  );
}

/** A project given by id, or by name or slug when exactly one project the caller sees has it. */
export async function resolveProject(arbiter: Arbiter, ref: string): Promise<string> {
  if (UUID.test(ref)) return ref;
  const rows: Named[] = [];
  for await (const project of arbiter.paginate("/api/v1/projects", { params: { query: { limit: 200 } } }))
    rows.push(project);
  return pickByName(rows, ref, "project").id;
}

/** Generators of a project given by id or name, in the order given. */
export async function resolveGenerators(
  arbiter: Arbiter,
  projectId: string,
  refs: string[],
): Promise<string[]> {
  const { generators } = unwrap(
    await arbiter.GET("/api/v1/projects/{id}/generators", { params: { path: { id: projectId } } }),
  );
  return refs.map((ref) => {
    const byId = generators.find((g) => g.id === ref);
    return byId ? byId.id : pickByName(generators, ref, "generator").id;
  });
}
