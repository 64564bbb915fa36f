// Second, independent schema check: validates each object with the npm package
// kubernetes-models (its own JSON schemas compiled with ajv), for every kind it knows.
//
// usage: node models_check.js NODE_MODULES_PARENT OBJECTS.json
// OBJECTS.json is a list of {"label": ..., "object": {...}}. Prints one line
// per failure ("label: error"), then a summary line "models: N validated,
// M unknown kinds"; exits 1 when an object fails.
"use strict";

const path = require("path");
const fs = require("fs");

const [prefix, input] = process.argv.slice(2);
const modelsRoot = path.join(prefix, "node_modules", "kubernetes-models");
const items = JSON.parse(fs.readFileSync(input, "utf8"));

// kubernetes-models lays out one module per group/version: "apps/v1" -> apps/v1,
// "v1" -> v1; each exports a class per kind.
const moduleCache = new Map();
function modelFor(apiVersion, kind) {
  if (typeof apiVersion !== "string" || apiVersion.includes("..")) return null;
  if (!moduleCache.has(apiVersion)) {
    let mod = null;
    try {
      mod = require(path.join(modelsRoot, apiVersion));
    } catch (e) {
      mod = null;  // a group the package does not model (CRDs)
    }
    moduleCache.set(apiVersion, mod);
  }
  const mod = moduleCache.get(apiVersion);
  return mod && typeof mod[kind] === "function" ? mod[kind] : null;
}

let validated = 0;
let unknown = 0;
let failures = 0;
for (const { label, object } of items) {
  const Model = modelFor(object.apiVersion, object.kind);
  if (!Model) {
    unknown++;
    continue;
  }
  validated++;
  try {
    new Model(object).validate();
  } catch (e) {
    failures++;
    const details = Array.isArray(e.errors)
      ? e.errors.map((x) => `${x.instancePath || "/"} ${x.message}`).join("; ")
      : String(e.message || e);
    console.log(`${label}: kubernetes-models: ${details}`);
  }
}
console.log(`models: ${validated} validated, ${unknown} of kinds kubernetes-models does not know`);
process.exit(failures ? 1 : 0);
