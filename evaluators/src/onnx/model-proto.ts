/**
 * Writes small ONNX models without Python: the protobuf of a ModelProto, encoded by hand (field
 * numbers from onnx/onnx.proto, wire format from protobuf's encoding guide). Loupe uses it for the
 * compute graphs it runs on ONNX Runtime itself — covariances and matrix products in float64 for
 * the Fréchet distance — and the tests use it to build tiny models with known weights.
 *
 * Only what those graphs need: typed inputs/outputs with fixed or symbolic dimensions, nodes with
 * int / ints / float attributes, and initializers as raw little-endian bytes.
 */

export type TensorType = "float" | "double" | "int64";

const ELEMENT_TYPE: Record<TensorType, number> = { float: 1, int64: 7, double: 11 };

export interface TensorInfo {
  name: string;
  type: TensorType;
  /** A number for a fixed size; a string names a size given at run time ("batch"). */
  shape: (number | string)[];
}

export type Attribute = number | number[] | { float: number };

export interface GraphNode {
  op: string;
  inputs: string[];
  outputs: string[];
  attributes?: Record<string, Attribute>;
}

export interface Initializer {
  name: string;
  dims: number[];
  data: Float32Array | Float64Array | BigInt64Array;
}

export interface GraphSpec {
  name: string;
  inputs: TensorInfo[];
  outputs: TensorInfo[];
  nodes: GraphNode[];
  initializers?: Initializer[];
  /** The default ONNX opset version (13 unless said). */
  opset?: number;
}

type Bytes = Buffer;

/** Base-128 varint; negative int64 values as their 10-byte two's complement (protobuf's rule). */
function varint(value: number | bigint): Bytes {
  let n = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  while (n > 127n) {
    out.push(Number(n & 127n) | 128);
    n >>= 7n;
  }
  out.push(Number(n));
  return Buffer.from(out);
}

const cat = (...parts: Uint8Array[]) => Buffer.concat(parts);
const key = (field: number, wire: 0 | 2 | 5) => varint((field << 3) | wire);
const int = (field: number, value: number) => cat(key(field, 0), varint(value));
const bytes = (field: number, value: Uint8Array) => cat(key(field, 2), varint(value.length), value);
const str = (field: number, value: string) => bytes(field, Buffer.from(value, "utf8"));
const float32 = (field: number, value: number) => {
  const b = Buffer.alloc(4);
  b.writeFloatLE(value);
  return cat(key(field, 5), b);
};

function valueInfo(info: TensorInfo): Bytes {
  // TensorShapeProto.Dimension: dim_value = 1, dim_param = 2.
  const dims = info.shape.map((d) => bytes(1, typeof d === "number" ? int(1, d) : str(2, d)));
  const tensorType = cat(int(1, ELEMENT_TYPE[info.type]), bytes(2, cat(...dims)));
  return cat(str(1, info.name), bytes(2, bytes(1, tensorType))); // name, type { tensor_type }
}

function attribute(name: string, value: Attribute): Bytes {
  // AttributeProto: name 1, f 2, i 3, ints 8, type 20 (FLOAT 1, INT 2, INTS 7).
  if (typeof value === "number") return cat(str(1, name), int(3, value), int(20, 2));
  if (Array.isArray(value)) return cat(str(1, name), ...value.map((v) => int(8, v)), int(20, 7));
  return cat(str(1, name), float32(2, value.float), int(20, 1));
}

function node(n: GraphNode, index: number): Bytes {
  // NodeProto: input 1, output 2, name 3, op_type 4, attribute 5.
  return cat(
    ...n.inputs.map((i) => str(1, i)),
    ...n.outputs.map((o) => str(2, o)),
    str(3, `${n.op}_${index}`),
    str(4, n.op),
    ...Object.entries(n.attributes ?? {}).map(([k, v]) => bytes(5, attribute(k, v))),
  );
}

function initializer(t: Initializer): Bytes {
  // TensorProto: dims 1, data_type 2, name 8, raw_data 9 (little-endian, as this machine is).
  const type = t.data instanceof Float32Array ? "float" : t.data instanceof Float64Array ? "double" : "int64";
  const raw = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  return cat(...t.dims.map((d) => int(1, d)), int(2, ELEMENT_TYPE[type]), str(8, t.name), bytes(9, raw));
}

/** The serialized ModelProto, ready for `InferenceSession.create(buffer)`. */
export function onnxModel(spec: GraphSpec): Uint8Array {
  const graph = cat(
    ...spec.nodes.map((n, i) => bytes(1, node(n, i))),
    str(2, spec.name),
    ...(spec.initializers ?? []).map((t) => bytes(5, initializer(t))),
    ...spec.inputs.map((i) => bytes(11, valueInfo(i))),
    ...spec.outputs.map((o) => bytes(12, valueInfo(o))),
  );
  const opset = cat(str(1, ""), int(2, spec.opset ?? 13));
  // ir_version 8 (ONNX 1.10+), producer_name, graph, opset_import.
  return cat(int(1, 8), str(2, "loupe"), bytes(7, graph), bytes(8, opset));
}
