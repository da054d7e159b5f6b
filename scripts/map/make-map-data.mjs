// make-map-data.mjs: writes src/countries.inc, the countries `actornet render --layout map` draws and
// places, from Natural Earth's Admin 0 countries as the npm package world-atlas ships them.
//
// usage: cd scripts/map && npm ci && node make-map-data.mjs [ISO_3166-1.json] > ../../src/countries.inc
//
// Each country has two outlines: the 1:110m file's, for a map of a large part of the world, and the
// 1:50m file's simplified to TOLERANCE degrees, each border two countries share once, for a map of a
// region (the Levant, the Balkans or the Gulf need more than 1:110m's few points). A country too small
// for 1:110m (Bahrain, Singapore, Malta) takes the 1:50m outline for both. Each country's place is the
// point inside its largest polygon farthest from its border (its pole of inaccessibility), found on
// the full 1:50m outline: inside the country, unlike the centre of its bounding box (France's is not
// in the Atlantic). Codes:
// ISO 3166-1 numeric (Natural Earth's ids) to alpha-3, from Debian's iso-codes. Three shapes have no
// ISO code: Kosovo is a country of its own under XKX, the user-assigned code the EU and the IMF use;
// Northern Cyprus and Somaliland are drawn as parts of Cyprus and Somalia, as ISO 3166-1 counts them
// (without them the map would have holes there).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const atlasVersion = require("world-atlas/package.json").version;
const isoPath = process.argv[2] || "/usr/share/iso-codes/json/iso_3166-1.json";
const iso = JSON.parse(readFileSync(isoPath, "utf8"))["3166-1"];
const byNumeric = new Map(iso.map((c) => [c.numeric, c]));
byNumeric.set("Kosovo", { alpha_3: "XKX", numeric: "0", name: "Kosovo" });
const partOf = { "N. Cyprus": "196", Somaliland: "706" };
const isoVersion = (() => {
  try {
    const changelog = readFileSync("/usr/share/doc/iso-codes/changelog.Debian.gz");
    return require("node:zlib").gunzipSync(changelog).toString().match(/\(([^)]+)\)/)[1];
  } catch {
    return "unknown version";
  }
})();

// The points of a line (its ends kept) that stand more than `tolerance` degrees off the line through
// those kept around them (Douglas and Peucker); a closed line is cut in two at its point farthest from
// its start.
function simplify(line, tolerance) {
  const last = line.length - 1;
  if (last < 2) return line;
  if (line[0][0] === line[last][0] && line[0][1] === line[last][1]) {
    let far = 0;
    for (let i = 1; i < last; i++)
      if (Math.hypot(line[i][0] - line[0][0], line[i][1] - line[0][1]) > Math.hypot(line[far][0] - line[0][0], line[far][1] - line[0][1])) far = i;
    if (far === 0) return [line[0], line[last]];
    return simplify(line.slice(0, far + 1), tolerance).concat(simplify(line.slice(far), tolerance).slice(1));
  }
  const keep = new Uint8Array(line.length);
  keep[0] = keep[last] = 1;
  const spans = [[0, last]];
  while (spans.length) {
    const [a, b] = spans.pop();
    const [ax, ay] = line[a], [bx, by] = line[b];
    const length = Math.hypot(bx - ax, by - ay);
    let farthest = -1, most = tolerance;
    for (let i = a + 1; i < b; i++) {
      const d = length ? Math.abs((line[i][0] - ax) * (by - ay) - (line[i][1] - ay) * (bx - ax)) / length
                       : Math.hypot(line[i][0] - ax, line[i][1] - ay);
      if (d > most) most = d, farthest = i;
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      spans.push([a, farthest], [farthest, b]);
    }
  }
  return line.filter((_, i) => keep[i]);
}

// A TopoJSON file's countries: Map id (its name, when it has none) -> list of polygons, each a list of
// rings of [lon, lat]; a shape that is part of a country (partOf) among that country's. With a
// tolerance, each arc simplified (simplify): a border two countries share is simplified once, the same
// line in both.
function countries(file, tolerance = 0) {
  const topo = JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), "utf8"));
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    const line = arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
    return tolerance ? simplify(line, tolerance) : line;
  });
  const ring = (indexes) => {
    const points = [];
    for (const i of indexes) {
      const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    return points;
  };
  const out = new Map();
  for (const g of topo.objects.countries.geometries) {
    const name = g.properties && g.properties.name;
    const id = g.id || partOf[name] || name;
    if (!id || !g.arcs) continue;
    const polygons = g.type === "Polygon" ? [g.arcs] : g.arcs;
    // Some ids have several geometries (Australia's code is Ashmore and Cartier's too): all of them.
    out.set(id, (out.get(id) || []).concat(polygons.map((rings) => rings.map(ring))));
  }
  return out;
}

// Area of a ring in square degrees of the Earth's surface (longitudes shrunk with latitude).
function area(r) {
  const x = (p) => p[0] * Math.cos((p[1] * Math.PI) / 180);
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += x(r[j]) * r[i][1] - x(r[i]) * r[j][1];
  return Math.abs(a / 2);
}

// Signed distance from (x, y) to the polygon's border (positive inside), in a frame where x is scaled by k.
function distance(x, y, rings, k) {
  let inside = false, best = Infinity;
  for (const r of rings) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [ax, ay] = [r[i][0] * k, r[i][1]], [bx, by] = [r[j][0] * k, r[j][1]];
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
      const dx = bx - ax, dy = by - ay, len = dx * dx + dy * dy;
      const t = len ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len)) : 0;
      best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
    }
  }
  return inside ? best : -best;
}

// The pole of inaccessibility of a polygon (outer ring and holes), to 0.01 degree: a best-first search
// over square cells, each kept only while the best distance inside it could beat the best found.
function place(rings) {
  const outer = rings[0];
  const lats = outer.map((p) => p[1]), lat0 = (Math.min(...lats) + Math.max(...lats)) / 2;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const xs = outer.map((p) => p[0] * k);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...lats), Math.max(...lats)];
  const size = Math.min(x1 - x0, y1 - y0) || Math.max(x1 - x0, y1 - y0);
  const cell = (x, y, h) => {
    const d = distance(x, y, rings, k);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  let cells = [];
  for (let x = x0; x < x1; x += size) for (let y = y0; y < y1; y += size) cells.push(cell(x + size / 2, y + size / 2, size / 2));
  let best = cell((x0 + x1) / 2, (y0 + y1) / 2, 0);
  while (cells.length) {
    cells.sort((a, b) => a.max - b.max);
    const c = cells.pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= 0.01) continue;
    const h = c.h / 2;
    cells.push(cell(c.x - h, c.y - h, h), cell(c.x + h, c.y - h, h), cell(c.x - h, c.y + h, h), cell(c.x + h, c.y + h, h));
  }
  return [best.x / k, best.y];
}

// A ring cut where it crosses the antimeridian (Russia's Chukotka, Fiji): as it is, its edge from 180 to -180
// would run across the whole map. Unwrapped to run on past 180, then cut into the parts east and west of
// 180. A ring round a pole (Antarctica) is left as it is: its edge along the seam is its border.
function cutAtSeam(ring) {
  if (!ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180)) return [ring];
  const unwrapped = [ring[0].slice()];
  for (let i = 1; i < ring.length; i++) {
    let lon = ring[i][0];
    const before = unwrapped[i - 1][0];
    while (lon - before > 180) lon -= 360;
    while (before - lon > 180) lon += 360;
    unwrapped.push([lon, ring[i][1]]);
  }
  const first = unwrapped[0], last = unwrapped[unwrapped.length - 1];
  if (Math.abs(first[0] - last[0]) > 180) return [ring]; // round a pole
  const seam = unwrapped.some((p) => p[0] > 180) ? 180 : -180;
  const half = (keep) => {
    const out = [];
    for (let i = 0; i < unwrapped.length; i++) {
      const p = unwrapped[i], q = unwrapped[(i + 1) % unwrapped.length];
      const pin = keep(p[0]), qin = keep(q[0]);
      if (pin) out.push(p);
      if (pin !== qin) out.push([seam, p[1] + ((q[1] - p[1]) * (seam - p[0])) / (q[0] - p[0])]);
    }
    return out;
  };
  const inside = half((lon) => (seam > 0 ? lon <= 180 : lon >= -180));
  const beyond = half((lon) => (seam > 0 ? lon >= 180 : lon <= -180)).map(([lon, lat]) => [lon - Math.sign(seam) * 360, lat]);
  return [inside, beyond].filter((r) => r.length >= 3);
}

const largest = (polygons) => polygons.reduce((a, b) => (area(b[0]) > area(a[0]) ? b : a));
const TOLERANCE = 0.05; // degrees: about 5 km, a few points on a map of the Levant a page wide
const fine = countries("countries-50m.json"), simplified = countries("countries-50m.json", TOLERANCE);
const coarse = countries("countries-110m.json");
const hundredths = (v) => Math.round(v * 100);
const rows = [];
for (const [id, polygons] of fine) {
  const c = byNumeric.get(id);
  if (!c) continue;
  // A polygon across the antimeridian is two pieces here: measured whole, its jump across the map inflates its area.
  const pieces = polygons.flatMap((rings) => {
    const cut = cutAtSeam(rings[0]);
    return cut.length > 1 ? cut.map((r) => [r]) : [rings];
  });
  const [lon, lat] = place(largest(pieces));
  // Outer rings only: a hole is another country's outline (Lesotho in South Africa) or water.
  const written = (outline) =>
    outline
      .flatMap((rings) => cutAtSeam(rings[0]))
      .map((ring) => {
        const points = [];
        for (const [x, y] of ring) {
          const p = `${hundredths(x)},${hundredths(y)}`;
          if (p !== points[points.length - 1]) points.push(p);
        }
        return points.join(" ");
      })
      .join("|");
  // An island smaller than the simplification (Nauru, Monaco's coast) keeps its 1:50m ring.
  const regional = simplified.get(id).map((rings, i) => (rings[0].length >= 4 ? rings : polygons[i]));
  const name = (c.common_name || c.name).replace(/"/g, "'");
  rows.push(`COUNTRY("${c.alpha_3}", ${Number(c.numeric)}, "${name}", ${lat.toFixed(2)}, ${lon.toFixed(2)},\n\t` +
            `"${written(coarse.get(id) || regional)}",\n\t"${written(regional)}")`);
}
rows.sort();
console.log(`/*
 * countries.inc: the countries of \`actornet render --layout map\`, generated by
 * scripts/map/make-map-data.mjs (README "Map data" says how to make it again).
 *
 * Source: Natural Earth 4.1.0, Admin 0 countries (public domain), as the npm
 * package world-atlas ${atlasVersion} ships them (ISC licence); ISO 3166-1 codes
 * from Debian's iso-codes ${isoVersion}. Kosovo, which has none, is XKX (the
 * user-assigned code the EU and the IMF use); Northern Cyprus and Somaliland
 * are drawn as parts of Cyprus and Somalia, as ISO 3166-1 counts them.
 *
 * COUNTRY(alpha-3 code, numeric code (0: none), name, latitude, longitude,
 * outline, regional outline): the latitude and longitude of the country's
 * place, the point inside its largest polygon farthest from its border
 * (1:50m); its outline at 1:110m (1:50m for a country too small for it), for
 * a map of a large part of the world, and at 1:50m simplified to ${TOLERANCE}
 * degrees (Douglas and Peucker, each shared border once), for a map of a
 * region; polygons separated by '|', each a list of "longitude,latitude"
 * points in hundredths of a degree.
 */`);
console.log(rows.join("\n"));
