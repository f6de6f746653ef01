export { appRouter, type AppRouter } from "./router";
export { createContext, type Context, type SessionUser } from "./context";
export { createCallerFactory } from "./trpc";
export { createRuntime, type Runtime } from "./runtime";
export { superjsonLite } from "./transformer";
export { mediaUrl } from "./media-urls";
export { hasRole, PROJECT_ROLES } from "./access/roles";
export { listMyProjects } from "./projects/service";
