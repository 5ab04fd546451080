// Adds each language's country names to countries.csv: the columns de,
// fr, es, pt-BR, it, ja, nl from `translations.<iso 639-3>.common` of
// world-countries' countries.json (the same package and version the
// English names and positions come from). A few names are corrected
// (OVERRIDES): world-countries' Portuguese is Portugal's, and some of its
// names are not the ones a reader of that language uses today. Run when
// updating the data:
//   node countries-names.mjs countries.json < countries.csv > countries.new.csv
import { readFileSync } from "node:fs";

const LANGS = [["de", "deu"], ["fr", "fra"], ["es", "spa"], ["pt-BR", "por"], ["it", "ita"], ["ja", "jpn"], ["nl", "nld"]];
const OVERRIDES = {
  "pt-BR": {
    AM: "Armênia", CZ: "Tchéquia", EE: "Estônia", FO: "Ilhas Faroé", GL: "Groenlândia", IR: "Irã",
    KE: "Quênia", KY: "Ilhas Cayman", LV: "Letônia", MC: "Mônaco", MG: "Madagascar",
    MK: "Macedônia do Norte", NC: "Nova Caledônia", NL: "Países Baixos", PL: "Polônia",
    RO: "Romênia", SI: "Eslovênia", TW: "Taiwan", VN: "Vietnã", YE: "Iêmen",
  },
  ja: { AE: "アラブ首長国連邦", TW: "台湾", US: "アメリカ合衆国" },
  nl: { BY: "Belarus" },
};

const countries = JSON.parse(readFileSync(process.argv[2], "utf8"));
const byCode = new Map(countries.map((c) => [c.cca2, c]));
const quote = (s) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const lines = readFileSync(0, "utf8").trimEnd().split("\n");
const header = lines[0].split(",").slice(0, 4);
console.log([...header, ...LANGS.map(([tag]) => tag)].join(","));
for (const line of lines.slice(1)) {
  const code = line.split(",")[0];
  const c = byCode.get(code);
  const names = LANGS.map(([tag, iso]) => OVERRIDES[tag]?.[code] ?? c?.translations?.[iso]?.common ?? "");
  // The first four columns as they were (name may be quoted).
  const first = line.match(/^([^,]*,(?:"(?:[^"]|"")*"|[^,]*),[^,]*,[^,]*)/)[1];
  console.log([first, ...names.map(quote)].join(","));
}
