import { describe, expect, it } from "vitest";
import { isOverdue } from "#core/period.ts";
import { catalogueItems, villages } from "#core/reference.ts";
import { demoDisclosures } from "../../scripts/demo-data.ts";

const today = "2026-11-29";

describe("demo data", () => {
  it("is the same on every run for the same date", async () => {
    const village = villages[0] as (typeof villages)[number];
    expect(await demoDisclosures(village, today)).toEqual(await demoDisclosures(village, today));
  });

  it("covers the last two quarters and leaves some items overdue across the district", async () => {
    let overdue = 0;
    let items = 0;
    for (const village of villages.slice(0, 60)) {
      const chain = await demoDisclosures(village, today);
      expect(chain.every((d) => d.publishedAt.slice(0, 10) <= today)).toBe(true);
      const quarters = new Set(chain.filter((d) => d.item === "village-dibao").map((d) => d.period));
      expect([...quarters].every((q) => q === "2026-Q2" || q === "2026-Q3")).toBe(true);
      for (const item of catalogueItems) {
        const latest =
          chain
            .filter((d) => d.item === item.id)
            .map((d) => d.period)
            .sort()
            .at(-1) ?? null;
        items++;
        if (isOverdue(item.cadence, latest, today)) overdue++;
      }
    }
    expect(overdue).toBeGreaterThan(0);
    expect(overdue / items).toBeLessThan(0.15);
  });

  it("chains each village's versions by hash in publication order", async () => {
    const chain = await demoDisclosures(villages[5] as (typeof villages)[number], today);
    chain.forEach((d, i) => {
      expect(d.seq).toBe(i + 1);
      if (i > 0) expect(d.prevHash).toBe(chain[i - 1]?.hash);
    });
  });
});

describe("demo cases", () => {
  it("are deterministic, valid receipts, and consistent with their stage", async () => {
    const { demoCases } = await import("../../scripts/demo-cases.ts");
    const { isValidReceipt } = await import("#core/report.ts");
    const all = villages.slice(0, 80).flatMap((v) => demoCases(v, today));
    expect(demoCases(villages[0] as (typeof villages)[number], today)).toEqual(
      demoCases(villages[0] as (typeof villages)[number], today),
    );
    expect(new Set(all.map((c) => c.receipt)).size).toBe(all.length);
    for (const c of all) {
      expect(isValidReceipt(c.receipt)).toBe(true);
      expect(c.receivedOn < today).toBe(true);
      expect(c.answer === null).toBe(c.answeredOn === null);
      expect(c.content.startsWith("【演示】")).toBe(true);
      if (c.stage === "closed") expect(c.rating).not.toBeNull();
    }
    // every state a case can be in, 已受理 (accepted) included (issue 12)
    const { reportStates } = await import("#core/report.ts");
    expect(new Set(all.map((c) => c.stage))).toEqual(new Set(reportStates));
    for (const c of all.filter((c) => c.stage === "accepted")) expect(c.responsible).toBeNull();
  });
});
