/**
 * The staff landing page: who is logged in, the cases that need action, and logging out. Without a
 * session it goes to the login page.
 */
import { apiMessage, fill, loginUrl } from "./_api.ts";

interface Me {
  staff: { username: string; role: string; scope: string; scopeName: string };
}

const panel = document.querySelector<HTMLElement>("#staff-me") as HTMLElement;
const status = document.querySelector<HTMLElement>("#staff-status") as HTMLElement;
const logout = document.querySelector<HTMLButtonElement>("#staff-logout") as HTMLButtonElement;
const strings = panel.dataset;

async function show(): Promise<void> {
  const res = await fetch("/api/staff/me", { credentials: "same-origin" });
  if (res.status === 401) {
    location.replace(loginUrl(location.pathname));
    return;
  }
  if (!res.ok) {
    status.textContent = (await apiMessage(res)) ?? strings.network ?? "";
    return;
  }
  const { staff } = (await res.json()) as Me;
  (panel.querySelector("#staff-hello") as HTMLElement).textContent = fill(strings.hello ?? "", staff);
  (panel.querySelector("#staff-scope") as HTMLElement).textContent = fill(strings.scope ?? "", {
    role: panel.getAttribute(`data-role-${staff.role}`) ?? staff.role,
    place: staff.scopeName,
  });
  status.hidden = true;
  panel.hidden = false;
  await showTodo();
}

/** New, overdue and reopened cases in the member's scope, from GET /api/staff/queue. */
async function showTodo(): Promise<void> {
  const res = await fetch("/api/staff/queue", { credentials: "same-origin" });
  if (!res.ok) return;
  const counts = (await res.json()) as Record<string, number>;
  for (const out of panel.querySelectorAll<HTMLElement>("[data-count]")) {
    out.textContent = String(counts[out.dataset.count ?? ""] ?? 0);
  }
  (panel.querySelector("[data-todo]") as HTMLElement).hidden = false;
}

logout.addEventListener("click", async () => {
  logout.disabled = true;
  try {
    const res = await fetch("/api/staff/logout", { method: "POST", credentials: "same-origin" });
    if (res.ok || res.status === 401) {
      location.assign("/staff/login/?out=1");
      return;
    }
    status.textContent = (await apiMessage(res)) ?? strings.network ?? "";
  } catch {
    status.textContent = strings.network ?? "";
  }
  status.hidden = false;
  logout.disabled = false;
});

show().catch(() => {
  status.textContent = strings.network ?? "";
});
