// Converts world-atlas countries-110m.json (TopoJSON) into world-110m.tsv:
// one country a line, "alpha2<TAB>name<TAB>SVG path", projected
// equirectangularly onto a 1000 x 400 box (longitude -180..180, latitude
// 84..-60; Antarctica is left out). Run once when updating the data:
//   node convert.mjs countries-110m.json countries.json > world-110m.tsv
// (countries.json from the npm package world-countries maps ISO 3166-1
// numeric codes, world-atlas's ids, to alpha-2.)
import { readFileSync } from "node:fs";

const [topoFile, countriesFile] = process.argv.slice(2);
const topo = JSON.parse(readFileSync(topoFile, "utf8"));
const countries = JSON.parse(readFileSync(countriesFile, "utf8"));
const alpha2 = new Map(countries.filter((c) => c.ccn3).map((c) => [c.ccn3, c.cca2]));
const byName = new Map([["Kosovo", "XK"]]);

const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
const arcs = topo.arcs.map((arc) => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => {
    x += dx; y += dy;
    return [x * sx + tx, y * sy + ty];
  });
});
const project = ([lon, lat]) => [
  ((lon + 180) / 360) * 1000,
  ((84 - lat) / 144) * 400,
];
const ring = (indexes) => {
  const points = [];
  for (const i of indexes) {
    const arc = (i >= 0 ? arcs[i] : arcs[~i].slice().reverse()).map((p) => p.slice());
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  // A ring crossing the antimeridian (Russia, Fiji) is moved east as a
  // whole so it draws no line across the map; the SVG clips what overflows.
  const lons = points.map((p) => p[0]);
  if (Math.max(...lons) - Math.min(...lons) > 180) {
    for (const p of points) if (p[0] < 0) p[0] += 360;
  }
  let d = "", last = "";
  for (const p of points) {
    const [x, y] = project(p).map((v) => v.toFixed(1));
    const xy = `${x} ${y}`;
    if (xy === last) continue;
    d += (d ? "L" : "M") + xy;
    last = xy;
  }
  return d + "Z";
};

const lines = [];
for (const g of topo.objects.countries.geometries) {
  if (g.id === "010") continue;
  const code = alpha2.get(g.id) ?? byName.get(g.properties.name) ?? "";
  const polygons = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
  const d = polygons.map((p) => p.map(ring).join("")).join("");
  if (d) lines.push(`${code}\t${g.properties.name}\t${d}`);
}
lines.sort();
process.stdout.write(lines.join("\n") + "\n");
