// Parse graph files with the real graphology parsers and print what a graphology user
// (Gephi Lite, sigma.js) gets, as JSON. Usage: node parse_graphs.js graph.gexf graph.graphml
"use strict";
const fs = require("fs");
const Graph = require("graphology");
const gexf = require("graphology-gexf");
const graphml = require("graphology-graphml");

function dump(graph) {
  const nodes = {};
  graph.forEachNode((key, attrs) => {
    nodes[key] = attrs;
  });
  const edges = [];
  graph.forEachEdge((key, attrs, source, target) => {
    edges.push({ key, source, target, attrs });
  });
  return { order: graph.order, size: graph.size, multi: graph.multi, type: graph.type, nodes, edges };
}

const out = {};
for (const path of process.argv.slice(2)) {
  const text = fs.readFileSync(path, "utf-8");
  const parser = path.endsWith(".gexf") ? gexf : graphml;
  out[path] = dump(parser.parse(Graph, text));
}
process.stdout.write(JSON.stringify(out));
