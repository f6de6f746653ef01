/** The adapter for a model's configuration. */
import type { GenerationAdapter } from "./adapter";
import type { AdapterConfig } from "./config";
import { CommandAdapter } from "./adapters/command";
import { HttpAdapter } from "./adapters/http";
import { ImportAdapter } from "./adapters/import";
import { OnnxAdapter } from "./adapters/onnx";

export function createAdapter(
  config: AdapterConfig,
  secrets: { authSecret?: string } = {},
): GenerationAdapter {
  switch (config.kind) {
    case "http":
      return new HttpAdapter(config, secrets.authSecret);
    case "command":
      return new CommandAdapter(config);
    case "onnx":
      return new OnnxAdapter(config);
    case "import":
      return new ImportAdapter(config);
  }
}
