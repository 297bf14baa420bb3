// Decode the PNGs that Firefox's BiDi `browsingContext.captureScreenshot`
// returns (8-bit RGB or RGBA, not interlaced) into RGB pixels, with node:zlib
// only, and the pixel statistics the Firefox tests judge by.
import { inflateSync } from 'node:zlib';

/** @typedef {{ width: number, height: number, rgb: Uint8Array }} Image */

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** @returns {Image} */
export function decodePng(buffer) {
  if (buffer.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('ascii', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8];
      const colour = data[9];
      if (depth !== 8 || data[12] !== 0 || (colour !== 2 && colour !== 6)) {
        throw new Error(`unsupported PNG (depth ${depth}, colour type ${colour}, interlace ${data[12]})`);
      }
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[row + x - channels] : 0;
      const b = y > 0 ? out[row - stride + x] : 0;
      const c = x >= channels && y > 0 ? out[row - stride + x - channels] : 0;
      const v = line[x];
      out[row + x] =
        filter === 0
          ? v
          : filter === 1
            ? v + a
            : filter === 2
              ? v + b
              : filter === 3
                ? v + ((a + b) >> 1)
                : v + paeth(a, b, c);
    }
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < out.length; i += channels, j += 3) {
    rgb[j] = out[i];
    rgb[j + 1] = out[i + 1];
    rgb[j + 2] = out[i + 2];
  }
  return { width, height, rgb };
}

/** The RGB pixels of a box (CSS px at device pixel ratio 1), 1 px in from its edges. */
export function pixelsIn(image, box) {
  const x0 = Math.max(0, Math.ceil(box.x) + 1);
  const y0 = Math.max(0, Math.ceil(box.y) + 1);
  const x1 = Math.min(image.width, Math.floor(box.x + box.width) - 1);
  const y1 = Math.min(image.height, Math.floor(box.y + box.height) - 1);
  const pixels = [];
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 3;
      pixels.push([image.rgb[i], image.rgb[i + 1], image.rgb[i + 2]]);
    }
  }
  return pixels;
}

/** Share of pixels of a box that differ (by more than a rounding step) between two screenshots. */
export function changedShare(before, after, box) {
  const a = pixelsIn(before, box);
  const b = pixelsIn(after, box);
  if (a.length === 0) return 0;
  let changed = 0;
  for (let i = 0; i < a.length; i++) {
    if (Math.max(...a[i].map((v, k) => Math.abs(v - b[i][k]))) > 8) changed++;
  }
  return changed / a.length;
}

export function mostCommon(pixels) {
  const counts = new Map();
  for (const p of pixels) {
    const key = p.join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best = null;
  for (const [key, n] of counts) if (!best || n > best[1]) best = [key, n];
  return best ? { rgb: best[0].split(',').map(Number), share: best[1] / pixels.length } : null;
}

/** Largest channel difference between two colours. */
export function distance(a, b) {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}

/** `#rrggbb` painted at `alpha` over `background`. */
export function blend(hex, alpha, background) {
  const n = Number.parseInt(hex.slice(1), 16);
  const fg = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return fg.map((c, i) => Math.round(c * alpha + background[i] * (1 - alpha)));
}

export function hexToRgb(hex) {
  return blend(hex, 1, [0, 0, 0]);
}
