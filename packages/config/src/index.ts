export { loadConfig, ConfigError, type LoupeConfig } from "./config";
export { dataPaths, type DataPaths } from "./data-paths";
