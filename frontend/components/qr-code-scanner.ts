import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

/** Why the camera cannot be used; the server explains each in the installer's language. */
type Problem = 'insecure' | 'unsupported' | 'denied' | 'no-camera' | 'failed';

/** What the server needs of a Vaadin element: the methods of the Java wrapper marked @ClientCallable. */
interface ScannerServer {
  frame(dataUrl: string, bytes: number): void;
  detected(text: string): void;
  problem(problem: Problem, detail: string): void;
}

/** The long side of a frame sent to the server, in pixels, and the shortest time between two frames. */
const LONGEST_SIDE = 800;
const FRAME_INTERVAL_MS = 200;

/**
 * The installer's camera, looking for a QR code. While `active` it shows the rear camera and, at most five times a
 * second and only once the server answered the previous frame, sends a frame scaled to at most 800 pixels a side as
 * a JPEG. Where the browser has a `BarcodeDetector` for QR codes it decodes on the phone and sends only the text. It
 * lets go of the camera when it is stopped, when it leaves the page and while the page is hidden.
 *
 * The server answers each frame with `answered(found)`: `found` stops the scanning (and the phone vibrates).
 */
@customElement('qr-code-scanner')
export class QrCodeScanner extends LitElement {
  static styles = css`
    :host {
      display: block;
      position: relative;
      width: 100%;
      background: #000;
      border-radius: var(--lumo-border-radius-l);
      overflow: hidden;
      aspect-ratio: 3 / 4;
      max-height: 60vh;
    }
    :host([hidden]),
    :host(:not([active])) {
      display: none;
    }
    video {
      width: 100%;
      height: 100%;
      object-fit: cover;
      display: block;
    }
    .frame {
      position: absolute;
      inset: 18%;
      border: 3px solid rgba(255, 255, 255, 0.85);
      border-radius: var(--lumo-border-radius-l);
      box-shadow: 0 0 0 100vmax rgba(0, 0, 0, 0.25);
      pointer-events: none;
    }
    .controls {
      position: absolute;
      bottom: var(--lumo-space-s);
      right: var(--lumo-space-s);
      display: flex;
      gap: var(--lumo-space-s);
    }
    button {
      min-width: 48px;
      min-height: 48px;
      border-radius: 24px;
      border: none;
      background: rgba(0, 0, 0, 0.55);
      color: #fff;
      font: inherit;
      font-size: var(--lumo-font-size-s);
      padding: 0 var(--lumo-space-m);
    }
    button[aria-pressed='true'] {
      background: rgba(255, 214, 0, 0.9);
      color: #000;
    }
  `;

  /** Whether the scanner should be looking; the server sets it. A scanner that is not looking takes no room. */
  @property({ type: Boolean, reflect: true }) active = false;

  /** Labels of the camera switch and the torch, in the installer's language. */
  @property({ attribute: 'switch-label' }) switchLabel = 'Switch camera';
  @property({ attribute: 'torch-label' }) torchLabel = 'Light';

  @state() private cameras: MediaDeviceInfo[] = [];
  @state() private torchAvailable = false;
  @state() private torchOn = false;

  private stream?: MediaStream;
  /** Set while the camera is being opened, so that a second start does not open it twice. */
  private starting = false;
  private cameraIndex = -1;
  private waitingForAnswer = false;
  private lastFrameAt = 0;
  private timer?: number;
  private detector?: { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };
  private canvas = document.createElement('canvas');
  private readonly onVisibility = () => (document.hidden ? this.release() : this.startIfActive());

  render() {
    return html`<video muted playsinline autoplay></video>
      <div class="frame"></div>
      <div class="controls">
        ${this.cameras.length > 1
          ? html`<button id="switch-camera" @click=${this.switchCamera}>${this.switchLabel}</button>`
          : ''}
        ${this.torchAvailable
          ? html`<button id="torch" aria-pressed=${this.torchOn ? 'true' : 'false'} @click=${this.toggleTorch}>
              ${this.torchLabel}
            </button>`
          : ''}
      </div>`;
  }

  connectedCallback() {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.release();
  }

  updated(changed: Map<string, unknown>) {
    if (changed.has('active')) {
      this.active ? this.startIfActive() : this.release();
    }
  }

  /** The server's answer to the last frame: `found` ends the scanning. */
  answered(found: boolean) {
    this.waitingForAnswer = false;
    if (found) {
      navigator.vibrate?.(120);
      this.active = false;
    }
  }

  private get server(): ScannerServer {
    return (this as unknown as { $server: ScannerServer }).$server;
  }

  private async startIfActive() {
    if (!this.active || this.stream || this.starting || document.hidden) {
      return;
    }
    this.starting = true;
    try {
      await this.open();
    } finally {
      this.starting = false;
    }
    // Released while it was opening (the page hidden, then shown again): open it once more if still wanted.
    if (this.active && !this.stream && !document.hidden && this.isConnected) {
      this.startIfActive();
    }
  }

  private async open() {
    if (!window.isSecureContext) {
      this.server.problem('insecure', location.origin);
      return;
    }
    if (!navigator.mediaDevices?.getUserMedia) {
      this.server.problem('unsupported', navigator.userAgent);
      return;
    }
    try {
      const camera = this.cameras[this.cameraIndex];
      this.stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: camera
          ? { deviceId: { exact: camera.deviceId } }
          : { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 960 } },
      });
    } catch (error) {
      const name = (error as DOMException).name;
      const problem: Problem =
        name === 'NotAllowedError' || name === 'SecurityError'
          ? 'denied'
          : name === 'NotFoundError' || name === 'OverconstrainedError'
            ? 'no-camera'
            : 'failed';
      this.server.problem(problem, `${name}: ${(error as Error).message}`);
      return;
    }
    if (!this.active || !this.isConnected || document.hidden) {
      // Stopped, detached or hidden while the browser was opening the camera: let go of it at once.
      this.release();
      return;
    }
    const video = this.renderRoot.querySelector('video')!;
    video.srcObject = this.stream;
    await video.play().catch(() => undefined);
    await this.findCameras();
    this.torchAvailable = this.torchCapable();
    this.detector = await this.qrDetector();
    if (!this.stream) {
      return; // released meanwhile
    }
    this.waitingForAnswer = false;
    this.schedule();
  }

  /** Stops the frames and the camera: the phone's camera light goes off. */
  private release() {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = undefined;
    this.torchOn = false;
    const video = this.renderRoot?.querySelector('video');
    if (video) {
      video.srcObject = null;
    }
  }

  private schedule() {
    window.clearTimeout(this.timer);
    const wait = Math.max(0, this.lastFrameAt + FRAME_INTERVAL_MS - performance.now());
    this.timer = window.setTimeout(() => this.tick(), wait);
  }

  private async tick() {
    if (!this.active || !this.stream) {
      return;
    }
    const video = this.renderRoot.querySelector('video')!;
    if (this.waitingForAnswer || video.readyState < 2 || video.videoWidth === 0) {
      this.timer = window.setTimeout(() => this.tick(), 50);
      return;
    }
    this.lastFrameAt = performance.now();
    if (this.detector) {
      const codes = await this.detector.detect(video).catch(() => []);
      if (codes.length > 0 && this.active) {
        this.waitingForAnswer = true;
        this.server.detected(codes[0].rawValue);
      }
    } else {
      const dataUrl = this.capture(video);
      this.waitingForAnswer = true;
      // The Base64 text is a third larger than the JPEG; what crosses the network is the text.
      this.server.frame(dataUrl, dataUrl.length);
    }
    this.schedule();
  }

  /** The video's current picture, its long side at most 800 pixels, as a JPEG data URL. */
  private capture(video: HTMLVideoElement): string {
    const scale = Math.min(1, LONGEST_SIDE / Math.max(video.videoWidth, video.videoHeight));
    this.canvas.width = Math.round(video.videoWidth * scale);
    this.canvas.height = Math.round(video.videoHeight * scale);
    this.canvas.getContext('2d')!.drawImage(video, 0, 0, this.canvas.width, this.canvas.height);
    return this.canvas.toDataURL('image/jpeg', 0.8);
  }

  private async qrDetector() {
    const Detector = (window as unknown as { BarcodeDetector?: any }).BarcodeDetector;
    if (!Detector) {
      return undefined;
    }
    try {
      const formats: string[] = await Detector.getSupportedFormats();
      return formats.includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : undefined;
    } catch {
      return undefined;
    }
  }

  private async findCameras() {
    const devices = await navigator.mediaDevices.enumerateDevices().catch(() => [] as MediaDeviceInfo[]);
    this.cameras = devices.filter((device) => device.kind === 'videoinput');
    const current = this.stream?.getVideoTracks()[0]?.getSettings().deviceId;
    this.cameraIndex = this.cameras.findIndex((camera) => camera.deviceId === current);
  }

  private switchCamera() {
    this.cameraIndex = (this.cameraIndex + 1) % this.cameras.length;
    this.release();
    this.startIfActive();
  }

  private torchCapable(): boolean {
    const track = this.stream?.getVideoTracks()[0];
    const capabilities = track?.getCapabilities?.() as { torch?: boolean } | undefined;
    return !!capabilities?.torch;
  }

  private async toggleTorch() {
    const track = this.stream?.getVideoTracks()[0];
    if (!track) {
      return;
    }
    const on = !this.torchOn;
    try {
      await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
      this.torchOn = on;
    } catch {
      this.torchAvailable = false;
    }
  }
}
