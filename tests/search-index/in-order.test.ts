import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InOrder } from "../../src/search-index/in-order.js";

describe("InOrder", () => {
  it("passes each item on as soon as every key before it has arrived", () => {
    const passed: string[] = [];
    const inOrder = new InOrder<string>(["a", "b", "c", "d"], (item) => passed.push(item));
    inOrder.arrive("c", "C");
    inOrder.arrive("x", "X");
    expect(passed).toEqual([]);
    inOrder.arrive("a", "A");
    expect(passed).toEqual(["A"]);
    inOrder.arrive("b", "B");
    expect(passed).toEqual(["A", "B", "C"]);
    inOrder.finish();
    expect(passed).toEqual(["A", "B", "C", "X"]);
  });

  it("passes the same sequence whatever order the items arrive in, some expected keys missing and others added", () => {
    const keys = fc.uniqueArray(fc.string({ unit: fc.constantFrom(..."abcé/-"), minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(
        keys.chain((all) =>
          fc.tuple(
            fc.constant(all),
            fc.subarray(all),
            fc.shuffledSubarray(all, { minLength: all.length }),
            fc.shuffledSubarray(all, { minLength: all.length }),
          ),
        ),
        ([all, expected, firstArrival, secondArrival]) => {
          const arrived = new Set(all.filter((_, i) => i % 3 !== 1));
          const run = (arrival: readonly string[]) => {
            const passed: string[] = [];
            const prefixes: string[][] = [];
            const inOrder = new InOrder<string>(expected, (item) => passed.push(item));
            for (const key of arrival.filter((k) => arrived.has(k))) {
              inOrder.arrive(key, key);
              prefixes.push([...passed]);
            }
            inOrder.finish();
            // What was passed before the end is never taken back or reordered.
            for (const prefix of prefixes) expect(passed.slice(0, prefix.length)).toEqual(prefix);
            return passed;
          };
          const first = run(firstArrival);
          expect(run(secondArrival)).toEqual(first);
          const unexpected = [...arrived].filter((k) => !expected.includes(k)).sort();
          expect(first).toEqual([...expected.filter((k) => arrived.has(k)), ...unexpected]);
        },
      ),
    );
  });
});
