export { createAuth, SIGN_IN_RATE_LIMIT, type Auth } from "./auth";
export { createUser, ensureAdmin, generatePassword, UserExistsError, newUserInput } from "./users";
