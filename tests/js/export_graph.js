// Parse a graph file with graphology-gexf or graphology-graphml and print graph.export()
// as JSON, for tests/js/sigma.html. Usage: node export_graph.js graph.gexf
"use strict";
const fs = require("fs");
const Graph = require("graphology");
const path = process.argv[2];
const parser = path.endsWith(".gexf") ? require("graphology-gexf") : require("graphology-graphml");
process.stdout.write(JSON.stringify(parser.parse(Graph, fs.readFileSync(path, "utf-8")).export()));
