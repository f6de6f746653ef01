import { describe, expect, it } from "vitest";
import { errorItem, isErrorItem, itemId, ITEM_ID_LENGTH, locatedItem } from "./item";

describe("itemId", () => {
  it("is a fixed sha256 prefix of the kind and identity", () => {
    const id = itemId("folder", "a/b.jpg");
    expect(id).toMatch(new RegExp(`^[0-9a-f]{${ITEM_ID_LENGTH}}$`));
    // sha256('["folder","a/b.jpg"]'), first 20 hex digits: the same on every machine, forever.
    expect(id).toBe("4ed3fceb216bd16ab2c3");
  });

  it("keeps kinds and identity parts apart", () => {
    const ids = [
      itemId("folder", "a/b.jpg"),
      itemId("manifest", "a/b.jpg"),
      itemId("webdataset", "a", "b.jpg"),
      itemId("webdataset", "a/b", ".jpg"),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("items", () => {
  it("tells error items from located ones", () => {
    const ok = locatedItem("1", "a.jpg", { kind: "file", path: "/x/a.jpg" });
    const bad = errorItem("2", "row 3", "no path");
    expect(isErrorItem(ok)).toBe(false);
    expect(isErrorItem(bad)).toBe(true);
    expect(bad).toMatchObject({ locator: null, caption: null, metadata: {}, error: "no path" });
  });
});
