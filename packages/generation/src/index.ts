export {
  GenerationError,
  isTransient,
  type AdapterKind,
  type GeneratedMedia,
  type GenerationAdapter,
  type GenerationRequest,
} from "./adapter";
export {
  adapterConfigSchema,
  type AdapterConfig,
  type AdapterConfigInput,
  type CommandAdapterConfig,
  type HttpAdapterConfig,
  type ImportAdapterConfig,
  type OnnxAdapterConfig,
} from "./config";
export { createAdapter } from "./create-adapter";
export { GpuSlotPool, parseGpuSlots, type GpuSlot } from "./gpu-slots";
export { withRetries, type RetryOptions } from "./retry";
export { fillTemplate, valueAtPath, TemplateError } from "./template";
export { planChunks, itemsOfChunk, type GenerationItem } from "./chunks";
