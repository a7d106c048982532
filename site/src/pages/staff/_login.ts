/** The login form: posts JSON to /api/staff/login and goes on to the page the user came from. */
import { apiMessage } from "./_api.ts";

const form = document.querySelector<HTMLFormElement>("#login") as HTMLFormElement;
const message = document.querySelector<HTMLElement>("#login-message") as HTMLElement;
const button = form.querySelector("button") as HTMLButtonElement;
const params = new URLSearchParams(location.search);

/** Only a staff page on this site; anything else (another site, "//evil") goes to the landing page. */
const next = (() => {
  const wanted = params.get("next") ?? "";
  return /^\/staff\/[\w/-]*(\?[\w=&-]*)?$/.test(wanted) ? wanted : "/staff/";
})();

if (params.has("out")) message.textContent = form.dataset.loggedOut ?? "";

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  button.disabled = true;
  message.textContent = form.dataset.busy ?? "";
  try {
    const res = await fetch("/api/staff/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ username: data.get("username"), password: data.get("password") }),
    });
    if (res.ok) {
      location.assign(next);
      return;
    }
    message.textContent = (await apiMessage(res)) ?? form.dataset.network ?? "";
    const password = form.elements.namedItem("password") as HTMLInputElement;
    password.value = "";
    password.focus();
  } catch {
    message.textContent = form.dataset.network ?? "";
  } finally {
    button.disabled = false;
  }
});
