/**
 * `HTMLRewriter` for Node: the Workers API (`on`, `onDocument`, `transform(response)`) over
 * html-rewriter-wasm, a WebAssembly build of lol-html, the streaming rewriter Workers use. Installed as a
 * global before the app loads, so the worker's renderers run unchanged.
 */
import { type DocumentHandlers, type ElementHandlers, HTMLRewriter as WasmRewriter } from "html-rewriter-wasm";

type Handlers =
  | [kind: "element", selector: string, handlers: ElementHandlers]
  | [kind: "document", handlers: DocumentHandlers];

/**
 * The Workers `HTMLRewriter` class: handlers are collected, and each `transform` streams one response
 * through a fresh lol-html rewriter.
 * @example const page = new HTMLRewriter().on("h1", { element: (el) => el.setInnerContent("村") }).transform(res);
 */
export class NodeHTMLRewriter {
  private readonly handlers: Handlers[] = [];

  on(selector: string, handlers: ElementHandlers): this {
    this.handlers.push(["element", selector, handlers]);
    return this;
  }

  onDocument(handlers: DocumentHandlers): this {
    this.handlers.push(["document", handlers]);
    return this;
  }

  transform(response: Response): Response {
    if (response.body === null) return new Response(null, response);
    let rewriter: WasmRewriter;
    const handlers = this.handlers;
    const stream = new TransformStream<Uint8Array, Uint8Array>({
      start(controller) {
        // lol-html hands out views into WebAssembly memory: copy before they are reused
        rewriter = new WasmRewriter((chunk) => {
          if (chunk.length > 0) controller.enqueue(chunk.slice());
        });
        for (const entry of handlers) {
          if (entry[0] === "element") rewriter.on(entry[1], entry[2]);
          else rewriter.onDocument(entry[1]);
        }
      },
      async transform(chunk) {
        await rewriter.write(chunk);
      },
      async flush() {
        try {
          await rewriter.end();
        } finally {
          rewriter.free();
        }
      },
    });
    const rewritten = new Response(response.body.pipeThrough(stream), response);
    rewritten.headers.delete("Content-Length");
    return rewritten;
  }
}
