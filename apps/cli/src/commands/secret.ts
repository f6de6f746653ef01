/** `loupe secret set <name> --project <slug>`: the value comes on stdin, so it never shows in `ps`. */
import { setSecret } from "@loupe/api/secrets";
import { readOrCreateSecret } from "../data-dir";
import { CliError } from "../errors";
import { withDatabase } from "./with-db";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

export async function secretSetCommand(name: string, opts: { project: string }) {
  if (process.stdin.isTTY) console.error(`type the value of "${name}", then Ctrl-D:`);
  const value = await readStdin();
  if (!value) throw new CliError("the value on standard input is empty");
  await withDatabase(async (db, paths, database) => {
    const project = await db.project.findUnique({ where: { slug: opts.project } });
    if (!project) throw new CliError(`no project "${opts.project}"`);
    await setSecret(db, readOrCreateSecret(paths, database.config.authSecret), project.id, { name, value });
    console.log(`secret "${name}" stored (encrypted) in ${opts.project}`);
  });
}
