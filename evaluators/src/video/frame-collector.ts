/**
 * Cuts ffmpeg's rawvideo stdout (RGB24 frames back to back, with no markers) into one Uint8Array
 * per frame as the chunks arrive, whatever the chunk boundaries, under a byte budget: a long or
 * huge video fails with a clear message as soon as the next frame would not fit, instead of
 * exhausting memory.
 */
import { VideoMetricError } from "./errors";

export class FrameCollector {
  readonly frames: Uint8Array[] = [];
  /** The frame being filled; null between frames (allocated only when its first byte arrives). */
  private current: Uint8Array | null = null;
  private filled = 0;

  constructor(
    readonly frameBytes: number,
    private readonly maxBytes: number,
  ) {
    if (!(Number.isInteger(frameBytes) && frameBytes > 0))
      throw new VideoMetricError(`a frame must have a positive whole number of bytes (got ${frameBytes})`);
  }

  /** Throws `VideoMetricError` when the frame these bytes start would go over the budget. */
  push(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      const frame = this.current ?? this.startFrame();
      const take = Math.min(this.frameBytes - this.filled, chunk.length - offset);
      frame.set(chunk.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === this.frameBytes) {
        this.frames.push(frame);
        this.current = null;
        this.filled = 0;
      }
    }
  }

  /** Bytes of an incomplete last frame (0 when the stream ended on a frame boundary). */
  get leftoverBytes(): number {
    return this.filled;
  }

  private startFrame(): Uint8Array {
    if ((this.frames.length + 1) * this.frameBytes > this.maxBytes) {
      const mb = Math.round((this.maxBytes / 1024 / 1024) * 10) / 10;
      throw new VideoMetricError(
        `the decoded frames would take more than ${mb} MB; read fewer with maxFrames or fps, or raise maxDecodedBytes`,
      );
    }
    this.current = new Uint8Array(this.frameBytes);
    return this.current;
  }
}
