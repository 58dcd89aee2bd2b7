#!/usr/bin/env node
// HashiCorp's HCL parser (hcl2json) and formatter (hclwrite's format, as `terraform fmt` uses)
// for the tests. Starting the wasm takes a second or two, so one process serves many files.
//
//   node hcl.js FILE...   parse each file and check it is in canonical layout; exit 1 if not
//   node hcl.js --serve   one JSON request per stdin line, one JSON answer per stdout line:
//       {"op": "check", "name": "x.tf", "text": "..."} -> {"parsed": {...}, "formatted": "...", "error": null}
//       {"op": "ast", "expression": "trimsuffix(\"a.\", \".\")"} -> {"ast": {...}, "error": null}
"use strict";

const fs = require("fs");
const readline = require("readline");
const { parse, getExpressionAst } = require("@cdktf/hcl2json");
const { format } = require("@cdktf/hcl-tools");

async function check(name, text) {
  try {
    const parsed = await parse(name, text);
    return { parsed, formatted: await format(text), error: null };
  } catch (e) {
    return { parsed: null, formatted: null, error: String(e && e.message ? e.message : e) };
  }
}

async function ast(expression) {
  try {
    return { ast: await getExpressionAst("expression.tf", expression), error: null };
  } catch (e) {
    return { ast: null, error: String(e && e.message ? e.message : e) };
  }
}

async function answer(line) {
  const request = JSON.parse(line);
  if (request.op === "check") return check(request.name || "input.tf", request.text);
  if (request.op === "ast") return ast(request.expression);
  return { error: `unknown op ${JSON.stringify(request.op)}` };
}

function serve() {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let queue = Promise.resolve(); // answers go out in request order
  lines.on("line", (line) => {
    if (!line.trim()) return;
    queue = queue
      .then(() => answer(line))
      .catch((e) => ({ error: String(e) }))
      .then((result) => process.stdout.write(JSON.stringify(result) + "\n"));
  });
}

async function checkFiles(paths) {
  let failed = 0;
  for (const path of paths) {
    const text = fs.readFileSync(path, "utf8");
    const result = await check(path, text);
    if (result.error) {
      failed++;
      console.log(`${path}: does not parse: ${result.error}`);
    } else if (result.formatted !== text) {
      failed++;
      console.log(`${path}: parses, but is not in terraform fmt layout`);
    } else {
      console.log(`${path}: parses, fmt-canonical`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

const args = process.argv.slice(2);
if (args[0] === "--serve") serve();
else if (args.length) checkFiles(args);
else {
  console.error("usage: node hcl.js FILE... | node hcl.js --serve");
  process.exitCode = 2;
}
