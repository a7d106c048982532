/**
 * `<staff-grid-figures>`, the grid figures page: one row per town, 管区 or grid and the total, each closed
 * count shown as "closed / out of", a row's name linking one level down. Sets text only, never HTML.
 */
import type { InferResponseType } from "hono/client";
import type { GridFigures as Figures } from "#core/grid-work.ts";
import { api, el, figuresRow, staffRequest } from "./staff-request.ts";
import { pageStrings, picker } from "./strings.ts";

type View = InferResponseType<typeof api.api.figures.grid.$get, 200>;

const down: Record<View["by"], string | null> = { town: "town", area: "area", grid: null };

class StaffGridFigures extends HTMLElement {
  connectedCallback(): void {
    const tr = picker(pageStrings("grid-figure-strings", this));
    const params = new URLSearchParams(location.search);
    const query = new URLSearchParams(
      [...params].filter(
        ([key, value]) => (key === "town" && /^\d{9}$/.test(value)) || (key === "area" && /^\d{11}$/.test(value)),
      ),
    );
    const suffix = query.size > 0 ? `?${query}` : "";
    const table = this.querySelector("[data-figures]") as HTMLTableElement;
    const status = this.querySelector("[data-status]") as HTMLElement;
    const title = this.querySelector("[data-title]") as HTMLElement;
    const exportLink = this.querySelector("[data-export]") as HTMLAnchorElement;

    const closed = (part: number, whole: number) => tr("grid.figures.of", { part, whole });

    const row = (name: string | Node, f: Figures, header = false) =>
      figuresRow(
        name,
        [
          String(f.grids),
          String(f.villages),
          String(f.talks),
          closed(f.requestsClosed, f.requests),
          closed(f.patrolsClosed, f.patrols),
          closed(f.behalfClosed, f.behalf),
          f.qr === null ? "—" : String(f.qr),
        ],
        header,
      );

    async function show(): Promise<void> {
      const view = await staffRequest(api.api.figures.grid.$get({ query: Object.fromEntries(query) }), {
        network: tr("publish.page.network"),
      });
      title.append(` · ${view.scope.name}`);
      (table.querySelector("[data-by]") as HTMLElement).textContent = tr(`grid.figures.by.${view.by}`);
      const next = down[view.by];
      table.tBodies[0]?.replaceChildren(
        ...view.groups.map((g) => row(next ? el("a", g.name, { href: `?${next}=${g.code}` }) : g.name, g)),
      );
      table.tFoot?.replaceChildren(row(tr("grid.figures.total"), view.total, true));
      exportLink.href = `/api/figures/grid.csv${suffix}`;
      status.hidden = true;
      table.hidden = false;
    }

    show().catch((failure: { message?: string }) => {
      status.textContent = failure.message ?? tr("publish.page.network");
    });
  }
}

customElements.define("staff-grid-figures", StaffGridFigures);
