/**
 * Hold-to-talk on the report forms: while the button is held the phone records (MediaRecorder), the
 * length is shown as it grows, recording stops on release or at 60 seconds, and the message can be
 * listened to and recorded again before sending. Without MediaRecorder or a microphone the plain file
 * input stays, which opens the phone's own recorder. The outbox sends the recording as the `voice` file.
 */
const MAX_SECONDS = 60;
const box = document.querySelector<HTMLElement>("[data-recorder]");
const fileInput = document.querySelector<HTMLInputElement>("input[name=voice]");
let recording: Blob | null = null;

/**
 * The message recorded in the page, if any (the outbox sends it as `voice`).
 * @example const voice = recordedVoice(); if (voice) form.append("voice", voice, "voice.webm");
 */
export const recordedVoice = (): Blob | null => recording;

/** Forgets the recording (after the report it belonged to was sent). */
export function forgetVoice(): void {
  recording = null;
  const player = box?.querySelector("audio");
  if (player) player.hidden = true;
}

const words = (key: string, seconds: number) => (box?.dataset[key] ?? "").replace("{seconds}", String(seconds));

function wire(box: HTMLElement, button: HTMLButtonElement, status: HTMLElement, player: HTMLAudioElement): void {
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
      status.textContent = box.dataset.noMic ?? "";
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
      recording = new Blob(chunks, { type: active.mimeType.split(";")[0] });
      if (fileInput) fileInput.value = "";
      URL.revokeObjectURL(player.src);
      player.src = URL.createObjectURL(recording);
      player.hidden = false;
      status.textContent = words("recorded", seconds());
      recorder = null;
    };
    recorder = active;
    started = Date.now();
    active.start();
    status.textContent = words("recording", 0);
    ticker = window.setInterval(() => {
      status.textContent = words("recording", seconds());
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

const button = box?.querySelector<HTMLButtonElement>("button");
const status = box?.querySelector<HTMLElement>("[data-rec-status]");
const player = box?.querySelector("audio");
if (
  box &&
  button &&
  status &&
  player &&
  "MediaRecorder" in window &&
  "getUserMedia" in (navigator.mediaDevices ?? {})
) {
  wire(box, button, status, player);
}
