// How far apart colours stay for people with colour-blind eyes: each colour
// is seen as with protanopia, deuteranopia and tritanopia (the full-severity
// matrices of Machado, Oliveira and Fernandes, 2009, applied in linear RGB),
// and told apart by its CIE76 distance in Lab. About 10 is "noticeably
// different" side by side; 20 and above is told at a glance.

const SIGHTS = {
  typical: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

/// `rgb(r, g, b)` as the browser reports a computed colour.
function channels(css) {
  const found = css.match(/\d+(\.\d+)?/g);
  if (!found || found.length < 3) throw new Error(`not a colour: ${css}`);
  return found.slice(0, 3).map(Number);
}

const linear = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

function lab([r, g, b]) {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function seenAs(css, sight) {
  const rgb = channels(css).map(linear);
  const seen = sight.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])));
  return lab(seen);
}

/// The closest two of `colours` under any of the sights: `{ distance, sight, pair }`.
export function worstColourDistance(colours) {
  let worst = { distance: Infinity };
  for (const [name, sight] of Object.entries(SIGHTS)) {
    for (let i = 0; i < colours.length; i++) {
      for (let j = i + 1; j < colours.length; j++) {
        const [a, b] = [seenAs(colours[i], sight), seenAs(colours[j], sight)];
        const distance = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
        if (distance < worst.distance) worst = { distance, sight: name, pair: [colours[i], colours[j]] };
      }
    }
  }
  return worst;
}
