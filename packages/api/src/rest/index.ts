export { handleRestRequest } from "./handler";
