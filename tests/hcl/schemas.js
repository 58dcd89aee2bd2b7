#!/usr/bin/env node
// The argument names of the Terraform blocks ses-export writes, read from HashiCorp's prebuilt
// CDKTF provider bindings on npm, whose TypeScript declarations are generated from each
// provider's own schema (providers.json pins the packages and their sha512).
//
//   node schemas.js --fetch   fetch what .cache/ lacks (npm pack, verify, keep only the
//                             needed files), then print the schemas as JSON
//   node schemas.js           print the schemas from .cache/ alone; exit 1 if something is missing
//
// Output: {"aws": {"provider", "version", "blocks": {"resource.aws_route53_record":
//          {"required": [...], "optional": [...]}}}, ...}
"use strict";

const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");

const HERE = __dirname;
const CACHE = path.join(HERE, ".cache");
const PINS = JSON.parse(fs.readFileSync(path.join(HERE, "providers.json"), "utf8")).schemas;

function cacheDir(pin) {
  return path.join(CACHE, pin.package.replace(/[@/]/g, "_"));
}

function neededFiles(pin) {
  return ["package.json", ...new Set(Object.values(pin.blocks).map(([file]) => file))];
}

function isCached(pin) {
  const dir = cacheDir(pin);
  const marker = path.join(dir, "integrity");
  return fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === pin.integrity
    && neededFiles(pin).every((file) => fs.existsSync(path.join(dir, file)));
}

function fetch(pin) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "ses-export-schemas-"));
  try {
    const out = execFileSync("npm", ["pack", pin.package, "--pack-destination", work, "--json", "--silent"],
                             { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    const tarball = path.join(work, JSON.parse(out)[0].filename);
    const digest = "sha512-" + crypto.createHash("sha512").update(fs.readFileSync(tarball)).digest("base64");
    if (digest !== pin.integrity) throw new Error(`${pin.package}: tarball ${digest} is not the pinned ${pin.integrity}`);
    const dir = cacheDir(pin);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    // Only the few declaration files: the AWS package alone unpacks to hundreds of megabytes.
    execFileSync("tar", ["-xzf", tarball, "-C", dir, "--strip-components=1",
                         ...neededFiles(pin).map((file) => "package/" + file)]);
    fs.writeFileSync(path.join(dir, "integrity"), pin.integrity);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// One argument per `readonly name?: type;` member of the block's Config interface. The HCL
// spelling comes from the member's registry link (".../docs/resources/dns_record#zone_id"),
// which the generator writes for every argument; `?` marks the optional ones.
const MEMBER = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*readonly (\w+)(\??):/g;
// A provider block's members link to the provider's page (".../docs#update"), not a resource's.
const LINK = /\{@link https:\/\/registry\.terraform\.io\/providers\/([\w-]+\/[\w-]+)\/([\w.]+)\/docs(?:\/(?:resources|data-sources)\/\w+)?#(\w+) /;

function blockSchema(pin, file, iface) {
  const text = fs.readFileSync(path.join(cacheDir(pin), file), "utf8");
  // A resource or data source's Config extends the meta-arguments; a nested block's interface
  // (azurerm's `record`, dns's `mx`) and a provider's Config stand alone.
  let start = text.indexOf(`export interface ${iface} extends cdktf.TerraformMetaArguments {`);
  if (start < 0) start = text.indexOf(`export interface ${iface} {`);
  if (start < 0) throw new Error(`${pin.package}/${file}: no interface ${iface}`);
  const body = text.slice(start, text.indexOf("\n}", start));
  const required = [];
  const optional = [];
  for (const [, comment, member, question] of body.matchAll(MEMBER)) {
    const link = comment.match(LINK);
    if (!link) throw new Error(`${pin.package}/${file}: ${iface}.${member} has no registry link`);
    const [, source, version, name] = link;
    if (`registry.terraform.io/${source}` !== pin.provider || version !== pin.version) {
      throw new Error(`${pin.package}/${file}: ${name} documents ${source} ${version}, not ${pin.provider} ${pin.version}`);
    }
    (question ? optional : required).push(name);
  }
  // Every member must have been read, or the test would pass on a schema it never saw.
  const members = (body.match(/^\s+readonly \w+\??:/gm) || []).length;
  if (!members || members !== required.length + optional.length) {
    throw new Error(`${pin.package}/${file}: read ${required.length + optional.length} of ${members} arguments of ${iface}`);
  }
  return { required: required.sort(), optional: optional.sort() };
}

function schemas() {
  const result = {};
  for (const [key, pin] of Object.entries(PINS)) {
    const packageJson = JSON.parse(fs.readFileSync(path.join(cacheDir(pin), "package.json"), "utf8"));
    const provider = packageJson.cdktf && packageJson.cdktf.provider;
    if (!provider || provider.name !== pin.provider || provider.version !== pin.version) {
      throw new Error(`${pin.package} is built for ${JSON.stringify(provider)}, not ${pin.provider} ${pin.version}`);
    }
    const blocks = {};
    for (const [block, [file, iface]] of Object.entries(pin.blocks)) blocks[block] = blockSchema(pin, file, iface);
    result[key] = { package: pin.package, provider: pin.provider, version: pin.version, blocks };
  }
  return result;
}

const missing = Object.values(PINS).filter((pin) => !isCached(pin));
if (missing.length && process.argv.includes("--fetch")) missing.forEach(fetch);
else if (missing.length) {
  console.error(`schemas.js: ${missing.map((p) => p.package).join(", ")} not in ${CACHE}; run node schemas.js --fetch (bash tests/run does)`);
  process.exit(1);
}
console.log(JSON.stringify(schemas(), null, 2));
