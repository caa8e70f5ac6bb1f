// Parse Argdown text from stdin with @argdown/core and print what it understood, as JSON:
// {errors, statements: {title: [text]}, tags: {title: [tag]}, data: {title: data},
//  placed: {title: [section, parent]}, relations: [[from, type, to]],
//  sections: [[title, level, parent]], frontMatter}.
// The folder of the @argdown/core package is argv[2].
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const core = await import(pathToFileURL(join(process.argv[2], "dist", "index.js")).href);
const app = new core.ArgdownApplication();
app.addPlugin(new core.ParserPlugin(), "parse-input");
app.addPlugin(new core.DataPlugin(), "build-model");
app.addPlugin(new core.ModelPlugin(), "build-model");
const input = readFileSync(0, "utf-8");
const result = app.run({ input, process: ["parse-input", "build-model"] });
const errors = [...(result.lexerErrors ?? []), ...(result.parserErrors ?? [])].map((e) => e.message);
const statements = {};
const tags = {};
const data = {};
const placed = {};
for (const [title, ec] of Object.entries(result.statements ?? {})) {
  const defined = ec.members.filter((m) => m.text !== undefined && m.text !== null);
  statements[title] = defined.map((m) => m.text);
  tags[title] = ec.tags ?? [];
  data[title] = ec.data ?? null;
  const section = defined.length ? defined[0].section : undefined;
  placed[title] = section ? [section.title, section.parent ? section.parent.title : null] : null;
}
const relations = (result.relations ?? []).map((r) => [r.from.title, r.relationType, r.to.title]);
const sections = (result.sections ?? []).flatMap(function walk(s) {
  return [[s.title, s.level, s.parent ? s.parent.title : null], ...(s.children ?? []).flatMap(walk)];
});
console.log(JSON.stringify({ errors, statements, tags, data, placed, relations, sections, frontMatter: result.frontMatter ?? null }));
