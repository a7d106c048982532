import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { catalogueItems } from "#core/reference.ts";

interface CatalogueEntry {
  id: string;
  name: string;
  category: string;
  cadence: string;
  deadline: string;
  periodKind: string;
  table: string | null;
}

describe("GET /api/catalogue", () => {
  it("lists every catalogue item with its cadence, deadline, period kind and table kind", async () => {
    const response = await SELF.fetch("https://cunma.test/api/catalogue");
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: CatalogueEntry[] };
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
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});
