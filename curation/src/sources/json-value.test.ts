import { describe, expect, it } from "vitest";
import { toJsonValue } from "./json-value";

describe("toJsonValue", () => {
  it("makes Parquet values safe to store as JSON", () => {
    expect(
      toJsonValue({
        small: 42n,
        huge: 2n ** 70n,
        when: new Date("2024-05-01T12:00:00Z"),
        bad: new Date(Number.NaN),
        image: new Uint8Array(1234),
        nan: Number.NaN,
        inf: Number.POSITIVE_INFINITY,
        nested: [{ n: 1n, s: "x", none: undefined }],
      }),
    ).toEqual({
      small: 42,
      huge: "1180591620717411303424",
      when: "2024-05-01T12:00:00.000Z",
      bad: null,
      image: { binaryBytes: 1234 },
      nan: null,
      inf: null,
      nested: [{ n: 1, s: "x", none: null }],
    });
  });
});
