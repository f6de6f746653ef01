export { loadConfig, ConfigError, type LoupeConfig, type StorageConfig } from "./config";
export { dataPaths, type DataPaths } from "./data-paths";
