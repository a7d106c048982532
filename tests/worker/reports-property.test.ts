import { env, SELF } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dammDigit, isValidReceipt, newReceipt, reportKinds, reportTopics } from "#core/report.ts";
import { countReports } from "../fixtures/reports.ts";

const village = "371603105201";
const url = `https://cunma.test/api/villages/${village}/reports`;
let n = 0;

/** Sends a body; a 201 must have written exactly one row, anything else none, and never a 5xx. */
async function expectSafe(body: BodyInit, contentType: string): Promise<void> {
  const before = await countReports(env.DB, village);
  const response = await SELF.fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": contentType, "CF-Connecting-IP": `10.0.${(n >> 8) & 255}.${n++ & 255}` },
    body,
  });
  await response.arrayBuffer();
  expect(response.status).toBeLessThan(500);
  const after = await countReports(env.DB, village);
  expect(after - before).toBe(response.status === 201 || response.status === 303 ? 1 : 0);
}

// values that sometimes hit the real enums, so some bodies get deep into validation
const fieldValue = fc.oneof(
  fc.constantFrom<unknown>(...reportKinds, ...reportTopics, "", " ", "０", "null"),
  fc.jsonValue(),
  fc.string({ unit: "binary", maxLength: 60 }),
);

describe("intake never answers a 5xx and never leaves a row for a refused body", () => {
  it("for arbitrary JSON", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record(
            {
              kind: fieldValue,
              topic: fieldValue,
              content: fieldValue,
              contact: fieldValue,
              disclosure: fieldValue,
              power: fieldValue,
            },
            { requiredKeys: [] },
          ),
        ),
        (value) => expectSafe(JSON.stringify(value) ?? "", "application/json"),
      ),
      { numRuns: 120 },
    );
  });

  it("for arbitrary form bodies, raw strings and bytes under any content type", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc
            .dictionary(
              fc.constantFrom(
                "kind",
                "topic",
                "content",
                "contact_name",
                "contact_phone",
                "disclosure",
                "power",
                "key",
                "x",
              ),
              fc.oneof(
                fc.constantFrom(...reportKinds, ...reportTopics, "1", "-1", "1e400"),
                fc.string({ unit: "binary", maxLength: 40 }),
              ),
            )
            .map((fields) => new URLSearchParams(fields).toString()),
          fc.string({ unit: "binary", maxLength: 200 }),
        ),
        fc.uint8Array({ maxLength: 64 }),
        fc.constantFrom(
          "application/x-www-form-urlencoded",
          "application/x-www-form-urlencoded; charset=utf-8",
          "application/json",
          "multipart/form-data; boundary=x",
          "text/plain",
          "",
        ),
        fc.boolean(),
        (text, bytes, contentType, useBytes) => expectSafe(useBytes ? bytes : text, contentType),
      ),
      { numRuns: 120 },
    );
  });
});

describe("receipts", () => {
  it("catch every single-digit error and every adjacent transposition", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 15 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 14 }),
        (pos, delta, swap) => {
          const receipt = newReceipt();
          expect(isValidReceipt(receipt)).toBe(true);
          const digits = [...receipt];
          const typo = [...digits];
          typo[pos] = String((Number(typo[pos]) + delta) % 10);
          expect(isValidReceipt(typo.join(""))).toBe(false);
          const swapped = [...digits];
          [swapped[swap], swapped[swap + 1]] = [swapped[swap + 1] as string, swapped[swap] as string];
          if (swapped[swap] !== swapped[swap + 1]) expect(isValidReceipt(swapped.join(""))).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("are uniformly random in every position (49.8 bits before the check digit)", () => {
    const counts = Array.from({ length: 15 }, () => new Array(10).fill(0) as number[]);
    for (let i = 0; i < 2000; i++) {
      [...newReceipt().slice(0, 15)].forEach((d, p) => {
        const position = counts[p] as number[];
        position[Number(d)] = (position[Number(d)] as number) + 1;
      });
    }
    // each digit is expected 200 times per position; 120..280 is over 5 standard deviations
    for (const position of counts) for (const count of position) expect(count).toBeGreaterThan(120);
    expect(dammDigit("572")).toBe(4);
  });
});
