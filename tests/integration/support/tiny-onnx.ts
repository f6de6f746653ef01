/**
 * Builds a tiny ONNX model without Python: the protobuf of a ModelProto with one node, written by
 * hand (field numbers from onnx/onnx.proto). `image = Tanh(noise)` — a stand-in for a one-step
 * generator: seeded noise in, an image in -1..1 out.
 */

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

const key = (field: number, wire: 0 | 2) => varint((field << 3) | wire);
const int = (field: number, value: number) => [...key(field, 0), ...varint(value)];
const bytes = (field: number, value: number[]) => [...key(field, 2), ...varint(value.length), ...value];
const str = (field: number, value: string) => bytes(field, [...Buffer.from(value, "utf8")]);

/** ValueInfoProto for a float tensor of the given shape. */
function floatTensor(name: string, shape: number[]): number[] {
  const dims = shape.flatMap((d) => bytes(1, int(1, d))); // TensorShapeProto.dim { dim_value }
  const tensorType = [...int(1, 1), ...bytes(2, dims)]; // elem_type FLOAT = 1, shape
  return [...str(1, name), ...bytes(2, bytes(1, tensorType))]; // name, type { tensor_type }
}

export function tanhModel(shape: number[]): Buffer {
  const node = [...str(1, "noise"), ...str(2, "image"), ...str(4, "Tanh")];
  const graph = [
    ...bytes(1, node),
    ...str(2, "one-step"),
    ...bytes(11, floatTensor("noise", shape)),
    ...bytes(12, floatTensor("image", shape)),
  ];
  const opset = [...str(1, ""), ...int(2, 13)];
  return Buffer.from([...int(1, 8), ...str(2, "loupe-test"), ...bytes(7, graph), ...bytes(8, opset)]);
}
