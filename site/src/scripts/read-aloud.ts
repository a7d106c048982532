/**
 * `<read-aloud>`, 读给我听: reads the page's main content aloud with the browser's own speech synthesis.
 * The button ships hidden and is shown only where speech synthesis exists, so nobody meets a button that
 * does nothing. One utterance per line of text: long single utterances stop short in some browsers.
 */
class ReadAloud extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>("button[data-read]");
    // what it reads is the page's main content, outside the element by nature
    const main = document.querySelector("main");
    const speech: SpeechSynthesis | undefined = window.speechSynthesis;
    if (!button || !main || !speech || typeof SpeechSynthesisUtterance !== "function") return;

    const startLabel = button.textContent ?? "";
    const stopLabel = button.dataset.stop ?? startLabel;
    const show = (reading: boolean) => {
      button.textContent = reading ? stopLabel : startLabel;
      button.setAttribute("aria-pressed", String(reading));
    };
    button.hidden = false;
    show(false);
    button.addEventListener("click", () => {
      if (speech.speaking || speech.pending) {
        speech.cancel();
        show(false);
        return;
      }
      // innerText, not textContent: what is on screen, with hidden parts left out and lines kept apart
      // biome-ignore lint/performance/useDomNodeTextContent: rendered text is exactly what is read aloud
      const lines = main.innerText
        .split(/\n+/)
        .map((line) => line.trim())
        .filter(Boolean);
      lines.forEach((line, i) => {
        const utterance = new SpeechSynthesisUtterance(line);
        utterance.lang = "zh-CN";
        utterance.rate = 0.9;
        if (i === lines.length - 1) utterance.addEventListener("end", () => show(false));
        speech.speak(utterance);
      });
      show(true);
    });
  }
}

customElements.define("read-aloud", ReadAloud);
