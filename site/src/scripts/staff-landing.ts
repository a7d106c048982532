/**
 * `<staff-landing>`, the staff landing page: who is logged in, the cases that need action, and logging
 * out. Without a session it goes to the login page.
 */
import { api, type StaffFailure, staffRequest } from "./staff-request.ts";
import { picker } from "./strings.ts";

class StaffLanding extends HTMLElement {
  connectedCallback(): void {
    const panel = this.querySelector<HTMLElement>("#staff-me") as HTMLElement;
    const status = this.querySelector<HTMLElement>("#staff-status") as HTMLElement;
    const logout = this.querySelector<HTMLButtonElement>("#staff-logout") as HTMLButtonElement;
    const tr = picker(panel.dataset);
    const messages = { network: tr("network") };

    async function show(): Promise<void> {
      const { staff } = await staffRequest(api.api.staff.me.$get(), messages);
      (panel.querySelector("#staff-hello") as HTMLElement).textContent = tr("hello", staff);
      (panel.querySelector("#staff-scope") as HTMLElement).textContent = tr("scope", {
        role: panel.getAttribute(`data-role-${staff.role}`) ?? staff.role,
        place: staff.scopeName,
      });
      status.hidden = true;
      panel.hidden = false;
      await showTodo();
    }

    /** New, overdue and reopened cases in the member's scope, from GET /api/staff/queue. */
    async function showTodo(): Promise<void> {
      const counts = await staffRequest(api.api.staff.queue.$get(), messages).catch(() => null);
      if (!counts) return;
      for (const out of panel.querySelectorAll<HTMLElement>("[data-count]")) {
        out.textContent = String(counts[out.dataset.count as "new" | "overdue" | "reopened"] ?? 0);
      }
      (panel.querySelector("[data-todo]") as HTMLElement).hidden = false;
    }

    logout.addEventListener("click", async () => {
      logout.disabled = true;
      try {
        // a session already gone is logged out too
        await staffRequest(api.api.staff.logout.$post(), { ...messages, loginFirst: "server" }).catch(
          (failure: StaffFailure) => {
            if (failure.status !== 401) throw failure;
          },
        );
        location.assign("/staff/login/?out=1");
        return;
      } catch (failure) {
        status.textContent = (failure as StaffFailure).message;
      }
      status.hidden = false;
      logout.disabled = false;
    });

    show().catch((failure: StaffFailure) => {
      // without a session staffRequest has already gone to the login page
      if (failure.status !== 401) status.textContent = failure.message;
    });
  }
}

customElements.define("staff-landing", StaffLanding);
