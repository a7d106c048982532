/**
 * Item 11: every route caps the bytes it reads, whether the body says how long it is or arrives chunked
 * (a ReadableStream body, no Content-Length). A body over the cap is a 413 in the shared error shape with a
 * Chinese message, and the reader stops long before the end of it.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { BODY_CAP_BYTES, PUBLISH_BODY_CAP_BYTES } from "../../worker/src/security/body-limit.ts";
import { errorOf, loginAs, staffHeaders, TEST_ORIGIN } from "../fixtures/staff.ts";

const VILLAGE = "371603104201";
const MB = 1024 * 1024;

/**
 * A chunked body of `total` bytes of JSON-ish text, made as it is read; `pulled()` tells how many bytes the
 * server asked for, so a test sees whether it read the whole 40 MB.
 */
function chunkedBody(total: number) {
  const chunk = new TextEncoder().encode(`{"content":"${"修".repeat(21_000)}`.slice(0, 64 * 1024));
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
  return { stream, pulled: () => sent };
}

async function expectTooLarge(res: Response) {
  expect(res.status).toBe(413);
  const body = await errorOf(res);
  expect(body.error.code).toBe("too_large");
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
}

function post(path: string, body: BodyInit, headers: HeadersInit) {
  return SELF.fetch(`${TEST_ORIGIN}${path}`, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

describe("body caps, chunked or not", () => {
  it("public intake: a 40 MB chunked body is refused without being read whole", async () => {
    const body = chunkedBody(40 * MB);
    const res = await post(`/api/villages/${VILLAGE}/reports`, body.stream, {
      "Content-Type": "application/json",
      "CF-Connecting-IP": "203.0.113.201",
    });
    await expectTooLarge(res);
    expect(body.pulled()).toBeLessThan(4 * MB);
  });

  it("the rating route and an unknown API route refuse a chunked body past the cap", async () => {
    for (const path of ["/api/reports/1234567890123456/rating", "/api/nothing-here"]) {
      const body = chunkedBody(BODY_CAP_BYTES * 4);
      await expectTooLarge(await post(path, body.stream, { "Content-Type": "application/json" }));
    }
  });

  it("staff routes: login, a case action, publishing and meetings refuse 40 MB chunked bodies", async () => {
    const { cookie } = await loginAs(env.DB, { role: "district_admin" });
    for (const path of [
      "/api/staff/login",
      "/api/staff/reports/1/notes",
      "/api/staff/disclosures",
      "/api/staff/disclosures/preview",
      "/api/staff/meetings",
    ]) {
      const body = chunkedBody(40 * MB);
      const res = await post(path, body.stream, staffHeaders(cookie));
      await expectTooLarge(res);
      expect(body.pulled(), path).toBeLessThan(4 * MB);
    }
  });

  it("staff routes refuse a declared Content-Length past the cap too", async () => {
    const { cookie } = await loginAs(env.DB, { role: "district_admin" });
    const big = "x".repeat(PUBLISH_BODY_CAP_BYTES + 1);
    await expectTooLarge(await post("/api/staff/disclosures", big, staffHeaders(cookie)));
    await expectTooLarge(
      await post("/api/staff/reports/1/notes", "x".repeat(BODY_CAP_BYTES + 1), staffHeaders(cookie)),
    );
  });

  it("a chunked body under the cap still reaches the route", async () => {
    const body = new TextEncoder().encode(
      JSON.stringify({ kind: "question", topic: "affairs", content: "分块发送的问题，请问修路的钱花在哪里了？" }),
    );
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(body.slice(0, 10));
        controller.enqueue(body.slice(10));
        controller.close();
      },
    });
    const res = await post(`/api/villages/${VILLAGE}/reports`, stream, {
      "Content-Type": "application/json",
      "CF-Connecting-IP": "203.0.113.202",
    });
    expect(res.status).toBe(201);
  });
});
