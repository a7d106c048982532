/**
 * `<hold-to-talk>`, hold-to-talk on the report forms: while the button is held the phone records
 * (MediaRecorder), the length is shown as it grows, recording stops on release or at 60 seconds, and the
 * message can be listened to and recorded again before sending. Without MediaRecorder or a microphone the
 * recorder stays hidden and the plain file input inside the element stays, which opens the phone's own
 * recorder. The outbox (`<report-outbox>`) sends the recording as the `voice` file.
 */
import { picker } from "./strings.ts";

const MAX_SECONDS = 60;

export class HoldToTalk extends HTMLElement {
  /** The message recorded in the page, if any (the outbox sends it as `voice`). */
  recording: Blob | null = null;

  /**
   * Forgets the recording (after the report it belonged to was sent).
   * @example document.querySelector<HoldToTalk>("hold-to-talk")?.forget();
   */
  forget(): void {
    this.recording = null;
    const player = this.querySelector("audio");
    if (player) player.hidden = true;
  }

  connectedCallback(): void {
    const box = this.querySelector<HTMLElement>("[data-recorder]");
    const button = box?.querySelector("button");
    const status = box?.querySelector<HTMLElement>("[data-rec-status]");
    const player = box?.querySelector("audio");
    if (
      box &&
      button &&
      status &&
      player &&
      "MediaRecorder" in window &&
      "getUserMedia" in (navigator.mediaDevices ?? {})
    )
      this.wire(box, button, status, player);
  }

  private wire(box: HTMLElement, button: HTMLButtonElement, status: HTMLElement, player: HTMLAudioElement): void {
    const tr = picker(this.dataset);
    const fileInput = this.querySelector<HTMLInputElement>("input[name=voice]");
    let recorder: MediaRecorder | null = null;
    let holding = false;
    let started = 0;
    let ticker = 0;
    const seconds = () => Math.min(MAX_SECONDS, Math.round((Date.now() - started) / 1000));
    const stop = () => {
      holding = false;
      clearInterval(ticker);
      if (recorder?.state === "recording") recorder.stop();
    };
    const start = async (event: Event) => {
      event.preventDefault();
      if (holding || recorder) return;
      holding = true;
      let stream: MediaStream;
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      } catch {
        holding = false;
        status.textContent = tr("noMic");
        return;
      }
      // released while the phone asked for the microphone: this press only granted it
      const release = () => {
        for (const track of stream.getTracks()) track.stop();
      };
      if (!holding) return release();
      const type = ["audio/webm;codecs=opus", "audio/mp4", "audio/webm"].find((t) => MediaRecorder.isTypeSupported(t));
      const active = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
      const chunks: Blob[] = [];
      active.ondataavailable = (e) => chunks.push(e.data);
      active.onstop = () => {
        release();
        this.recording = new Blob(chunks, { type: active.mimeType.split(";")[0] });
        if (fileInput) fileInput.value = "";
        URL.revokeObjectURL(player.src);
        player.src = URL.createObjectURL(this.recording);
        player.hidden = false;
        status.textContent = tr("recorded", { seconds: seconds() });
        recorder = null;
      };
      recorder = active;
      started = Date.now();
      active.start();
      status.textContent = tr("recording", { seconds: 0 });
      ticker = window.setInterval(() => {
        status.textContent = tr("recording", { seconds: seconds() });
        if (seconds() >= MAX_SECONDS) stop();
      }, 250);
    };
    button.addEventListener("pointerdown", start);
    for (const name of ["pointerup", "pointercancel", "pointerleave"]) button.addEventListener(name, stop);
    button.addEventListener("keydown", (e) => (e.key === " " || e.key === "Enter") && !e.repeat && void start(e));
    button.addEventListener("keyup", stop);
    button.addEventListener("contextmenu", (e) => e.preventDefault());
    box.hidden = false;
  }
}

customElements.define("hold-to-talk", HoldToTalk);
