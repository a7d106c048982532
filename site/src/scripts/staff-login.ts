/** `<staff-login>`, the login form: posts to /api/staff/login and goes on to the page the user came from. */
import { api, type StaffFailure, staffRequest } from "./staff-request.ts";
import { picker } from "./strings.ts";

/** Only a staff page on this site; anything else (another site, "//evil") goes to the landing page. */
function nextPage(params: URLSearchParams): string {
  const wanted = params.get("next") ?? "";
  return /^\/staff\/[\w/-]*(\?[\w=&-]*)?$/.test(wanted) ? wanted : "/staff/";
}

class StaffLogin extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>("#login") as HTMLFormElement;
    const message = this.querySelector<HTMLElement>("#login-message") as HTMLElement;
    const button = form.querySelector("button") as HTMLButtonElement;
    const params = new URLSearchParams(location.search);
    const tr = picker(form.dataset);
    const next = nextPage(params);

    if (params.has("out")) message.textContent = tr("loggedOut");

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      button.disabled = true;
      message.textContent = tr("busy");
      try {
        const json = { username: String(data.get("username") ?? ""), password: String(data.get("password") ?? "") };
        // a 401 here is a wrong password: the server's words, and stay on this page
        await staffRequest(api.api.staff.login.$post({ json }), { network: tr("network"), loginFirst: "server" });
        location.assign(next);
      } catch (failure) {
        message.textContent = (failure as StaffFailure).message;
        if ((failure as StaffFailure).status !== 0) {
          const password = form.elements.namedItem("password") as HTMLInputElement;
          password.value = "";
          password.focus();
        }
      } finally {
        button.disabled = false;
      }
    });
  }
}

customElements.define("staff-login", StaffLogin);
