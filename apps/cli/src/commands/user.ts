/** `loupe user create`: make an account (sign-up is closed; administrators make accounts). */
import { createUser, generatePassword } from "@loupe/api/auth";
import { withDatabase } from "./with-db";

export async function userCreateCommand(opts: {
  email: string;
  name?: string;
  password?: string;
  admin?: boolean;
}) {
  const password = opts.password ?? generatePassword();
  const user = await withDatabase((db) =>
    createUser(db, { email: opts.email, name: opts.name, password, isAdmin: Boolean(opts.admin) }),
  );
  console.log(`created ${user.email}${user.isAdmin ? " (administrator)" : ""}`);
  if (!opts.password) console.log(`password (shown once): ${password}`);
}
