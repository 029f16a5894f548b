// Every kind of ballot item (分项) the pages know, each complete: the check below fails to compile
// when a kind the server declares (ItemKind, from the generated API types) has no module here, or a
// module lacks a part; tests/unit/item-kinds.spec.ts checks the same against the server's OpenAPI document.
//
// Why the parts live in separate files, with a registry per page:
// a kind's code is for three audiences: the phone's paper (kinds/<kind>/voter.ts), the published
// result shown on the phone, the projector and the printed notice (<kind>/result.ts), and the
// console's form, paper count and result (<kind>/console.ts). A registry that is one object holding
// all three parts of every kind would put the console's editors into the phone's bundle: a bundler
// keeps every property of an object that is indexed by a runtime key (registry[item.kind]). So each
// page imports only the registry of its audience (voter.ts, result.ts, console.ts in this folder),
// which imports only that part of each kind; this file, holding everything, is imported by no page.
// Adding a kind: write <kind>/voter.ts, result.ts, console.ts and <kind>.ts, add it below and to the
// three registries; the compiler lists whatever is missing.
import * as approval from './approval.js';
import * as choice from './choice.js';
import * as election from './election.js';
import type { ItemKind, KindModule } from './kind-module.js';
import * as rating from './rating.js';

export const kinds = { approval, election, choice, rating } satisfies { [Kind in ItemKind]: KindModule<Kind> };
