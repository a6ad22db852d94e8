/**
 * A customer's colour as a menu icon: a rounded square in raw BGRA pixels, the format
 * nativeImage.createFromBitmap takes (Electron has no SVG images, and a PNG encoder for one
 * square is not worth a dependency). Corners are transparent.
 */
export function swatchBitmap(color: string, size: number): Buffer {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!match) throw new Error(`not a #rrggbb colour: ${color}`);
  const [red, green, blue] = [match[1]!, match[2]!, match[3]!].map((hex) => Number.parseInt(hex, 16)) as [number, number, number];
  const pixels = Buffer.alloc(size * size * 4);
  // The swatch fills the middle of the slot with a margin, as the window's Swatch does.
  const margin = Math.round(size / 8);
  const radius = size / 5;
  const low = margin;
  const high = size - margin;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const cx = Math.min(Math.max(x + 0.5, low + radius), high - radius);
      const cy = Math.min(Math.max(y + 0.5, low + radius), high - radius);
      const inside = x >= low && x < high && y >= low && y < high && Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= radius;
      if (!inside) continue;
      const at = (y * size + x) * 4;
      pixels[at] = blue;
      pixels[at + 1] = green;
      pixels[at + 2] = red;
      pixels[at + 3] = 255;
    }
  }
  return pixels;
}
