// Draws text as a QR code on a canvas, black on white with the standard four-module quiet zone. The encoder
// (qrcode-generator, from npm, copied to /vendor by the build) is loaded only when a link is first shown.
const quietZone = 4;

export async function drawQr(canvas, text, size = 200) {
  const { default: qrcode } = await import('/vendor/qrcode.mjs');
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const modules = qr.getModuleCount();
  const scale = Math.max(2, Math.floor(size / (modules + (2 * quietZone))));
  const pixels = (modules + (2 * quietZone)) * scale;
  canvas.width = pixels;
  canvas.height = pixels;
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, pixels, pixels);
  context.fillStyle = '#000000';
  for (let r = 0; r < modules; r += 1) {
    for (let c = 0; c < modules; c += 1) {
      if (qr.isDark(r, c)) context.fillRect((c + quietZone) * scale, (r + quietZone) * scale, scale, scale);
    }
  }
  canvas.dataset.modules = String(modules);
}
