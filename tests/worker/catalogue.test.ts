import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { catalogueItems } from "#core/reference.ts";
import { answered, errorOf, publicClient } from "../fixtures/staff.ts";

describe("GET /api/catalogue", () => {
  it("lists every catalogue item with its cadence, deadline, period kind and table kind", async () => {
    const { items } = await answered(publicClient().api.catalogue.$get(), 200);
    expect(items.map((i) => i.id)).toEqual(catalogueItems.map((i) => i.id));
    expect(items).toHaveLength(36);
    const ledger = items.find((i) => i.id === "finance-ledger");
    expect(ledger).toMatchObject({ name: "财务收支明细", category: "finance", cadence: "monthly", table: "ledger" });
    expect(ledger?.deadline).toBe("次月10日前");
    expect(items.find((i) => i.id === "finance-contracts")).toMatchObject({
      periodKind: "quarter",
      table: "resources",
    });
    expect(items.find((i) => i.id === "finance-budget")).toMatchObject({ periodKind: "year", table: null });
  });

  it("answers an unknown API path with the JSON error shape", async () => {
    const response = await SELF.fetch("https://cunma.test/api/catalogues");
    expect(response.status).toBe(404);
    expect((await errorOf(response)).error.code).toBe("not_found");
  });
});
