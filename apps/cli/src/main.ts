/** The `loupe` command line. Each command lives in ./commands; this file only declares them. */
import { Command, InvalidArgumentError, Option } from "commander";
import { PROJECT_ROLES } from "@loupe/api";
import { EVALUATOR_MODEL_KINDS, METRIC_IDS } from "@loupe/evaluators";
import { EXPORT_FORMATS } from "@loupe/api/datasets";
import { apiKeyCreateCommand } from "./commands/apikey";
import {
  curateControlCommand,
  curateFollowCommand,
  curateRunCommand,
  type CurateFollowOptions,
  type CurateRunOptions,
} from "./commands/curate";
import { evaluateCommand, type EvaluateCliOptions } from "./commands/evaluate";
import {
  exportCreateCommand,
  exportDownloadCommand,
  exportListCommand,
  type ExportCliOptions,
} from "./commands/export";
import { generateCommand, type GenerateCliOptions } from "./commands/generate";
import {
  modelsAddCommand,
  modelsListCommand,
  modelsRemoveCommand,
  type ModelsAddCliOptions,
} from "./commands/models";
import { modelAdapterCommand } from "./commands/model-adapter";
import { secretSetCommand } from "./commands/secret";
import { importOutputsCommand, type ImportOutputsCliOptions } from "./commands/import-outputs";
import { importReferencesCommand } from "./commands/import-references";
import {
  importKeypointPredictionsCommand,
  importKeypointsCommand,
  type ImportKeypointsCliOptions,
} from "./commands/import-keypoints";
import { importPromptsCommand } from "./commands/import-prompts";
import { migrateCommand } from "./commands/migrate";
import { startCommand } from "./commands/start";
import { userCreateCommand } from "./commands/user";
import { workerCommand } from "./commands/worker";
import { formatZodError, isExpectedError } from "./errors";

const program = new Command()
  .name("loupe")
  .description("Loupe: judge generative media models with people and metrics")
  .showHelpAfterError();

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a positive integer");
  return n;
};

program
  .command("start")
  .description(
    "start PostgreSQL (embedded unless DATABASE_URL is set), migrate, seed demo data, serve the web app and a worker",
  )
  .option("--no-worker", "serve the web app without a worker")
  .action((opts: { worker: boolean }) => startCommand(opts));

program
  .command("worker")
  .description("run a job worker against DATABASE_URL (or the running Loupe on this data dir)")
  .option("-c, --concurrency <n>", "jobs run at once", positiveInt)
  .action((opts: { concurrency?: number }) => workerCommand(opts));

program
  .command("migrate")
  .description("apply pending database migrations and exit")
  .action(() => migrateCommand());

const user = program.command("user").description("manage accounts");
user
  .command("create")
  .description("create an account (prints a generated password when none is given)")
  .requiredOption("--email <email>", "sign-in email")
  .option("--name <name>", "display name")
  .option("--password <password>", "password (at least 8 characters); generated when omitted")
  .option("--admin", "make the account a site administrator")
  .action((opts: { email: string; name?: string; password?: string; admin?: boolean }) =>
    userCreateCommand(opts),
  );

const apikey = program.command("apikey").description("manage project API keys for /api/v1");
apikey
  .command("create")
  .description("create a project API key (printed once)")
  .requiredOption("--project <slug>", "project slug")
  .requiredOption("--name <name>", "a name to recognise the key by")
  .addOption(
    new Option("--role <role>", "role the key acts with").choices(PROJECT_ROLES).default("researcher"),
  )
  .action((opts: { project: string; name: string; role: (typeof PROJECT_ROLES)[number] }) =>
    apiKeyCreateCommand(opts),
  );

const importCmd = program.command("import").description("bring data into a project");
importCmd
  .command("prompts <file>")
  .description(
    "create a prompt set from CSV, TSV (PartiPrompts), CSV (Movie Gen Bench, DrawBench), JSON (HPSv2 benchmark, GenAI-Bench), JSONL or one prompt per line",
  )
  .requiredOption("--project <slug>", "project slug")
  .option("--name <name>", "prompt set name (default: the file name)")
  .addOption(
    new Option("--format <format>", "file format (default: from the extension)").choices([
      "csv",
      "tsv",
      "jsonl",
      "json",
      "txt",
    ]),
  )
  .action(
    (
      file: string,
      opts: { project: string; name?: string; format?: "csv" | "tsv" | "jsonl" | "json" | "txt" },
    ) => importPromptsCommand(file, opts),
  );

importCmd
  .command("outputs <source>")
  .description(
    "import model outputs from a JSONL/CSV manifest (model, prompt_id or prompt, seed, file, params, latency_ms, steps) or a folder laid out as <model>/<prompt_id>[_<seed>].<ext>",
  )
  .requiredOption("--project <slug>", "project slug")
  .requiredOption("--prompt-set <name>", "prompt set the prompt ids and texts refer to")
  .option("--create-models", "register models the project does not have yet (default: such rows are errors)")
  .option("--report <file>", "also write the full per-row report as JSON to this file")
  .action((source: string, opts: ImportOutputsCliOptions) => importOutputsCommand(source, opts));

importCmd
  .command("references <manifest>")
  .description(
    "attach reference media to prompts (subject images, inpainting source/mask/exemplar, degraded inputs) from a JSONL/CSV manifest: prompt_id or prompt, role, file, position",
  )
  .requiredOption("--project <slug>", "project slug")
  .requiredOption("--prompt-set <name>", "prompt set the prompt ids and texts refer to")
  .action((manifest: string, opts: { project: string; promptSet: string }) =>
    importReferencesCommand(manifest, opts),
  );

importCmd
  .command("keypoints <spair-root>")
  .description(
    "import keypoint-correspondence pairs in the SPair-71k layout (PairAnnotation/<split>/*.json, JPEGImages/<category>/*) into a prompt set, for PCK@α",
  )
  .requiredOption("--project <slug>", "project slug")
  .requiredOption("--prompt-set <name>", "prompt set to add the pairs to (created when missing)")
  .option("--split <split>", "the annotation split: trn, val or test", "test")
  .option("--category <category>", "only the pairs of this category")
  .option("--limit <n>", "only the first n pairs (by name)", (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("a positive integer");
    return n;
  })
  .action((root: string, opts: ImportKeypointsCliOptions) => importKeypointsCommand(root, opts));

importCmd
  .command("keypoint-predictions <file>")
  .description(
    'import a correspondence model\'s predicted target keypoints per pair: JSON lines {"pair": name, "keypoints": [[x, y] | null, ...]} or a JSON object {name: [[x, y], ...]}',
  )
  .requiredOption("--project <slug>", "project slug")
  .requiredOption("--prompt-set <name>", "the prompt set holding the pairs")
  .requiredOption("--model <name>", "the model that made the predictions")
  .option("--create-model", "register the model when the project does not have it")
  .action(
    (file: string, opts: { project: string; promptSet: string; model: string; createModel?: boolean }) =>
      importKeypointPredictionsCommand(file, opts),
  );

program
  .command("generate")
  .description(
    "run a model on a prompt set through its adapter (a generation job shared by every worker) and follow it with a progress bar",
  )
  .requiredOption("--project <slug>", "project slug")
  .option("--model <name>", "the model (its adapter says how it is run: loupe model adapter)")
  .option("--prompt-set <name>", "the prompt set")
  .option("--seeds <seeds>", 'a count ("4": seeds 0-3) or a list ("1,7,42")', "1")
  .option("--params <json>", "sampling parameters over the model's defaults, as a JSON object")
  .option("--chunk-size <n>", "items per chunk (workers take chunks)", positiveInt)
  .option("--job <id>", "follow an existing job instead of creating one")
  .option("--worker", "also run a worker in this process")
  .option("--detach", "create the job and exit without following it")
  .action((opts: GenerateCliOptions) => generateCommand(opts));

const models = program
  .command("models")
  .description("manage evaluator models: ONNX files you exported (docs/models.md), checked by sha256");
const positiveNumber = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("must be a positive number");
  return n;
};
models
  .command("add <name>")
  .description(
    "register an evaluator model: CLIP (--image --text --tokenizer), --kind dino | inception | aesthetic | face | lpips with --image, or --kind classifier with --image --labels",
  )
  .addOption(
    new Option("--kind <kind>", "what it is (default: clip when --text is given)").choices([
      ...EVALUATOR_MODEL_KINDS,
    ]),
  )
  .requiredOption("--image <file>", "the image encoder (ONNX)")
  .option("--text <file>", "the text encoder (ONNX; CLIP)")
  .option("--tokenizer <dir>", "the folder with tokenizer.json (CLIP)")
  .addOption(
    new Option("--mode <mode>", "Inception: how images reach 299×299").choices(["pytorch-fid", "clean-fid"]),
  )
  .option(
    "--logit-scale <x>",
    "CLIP: exp(logit_scale) of the checkpoint (100; PickScore's own; 1 for HPSv2)",
    positiveNumber,
  )
  .option("--context-length <n>", "CLIP: text context length (77)", positiveInt)
  .option("--pad-id <n>", "CLIP: the id that pads token sequences (0, as open_clip)", (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("must be a whole number ≥ 0");
    return n;
  })
  .option("--image-size <n>", "CLIP/aesthetic input size (224; 336 for ViT-L/14@336)", positiveInt)
  .option("--batch-size <n>", "images per ONNX call (1 for fixed-batch exports)", positiveInt)
  .option("--labels <a,b,…>", "classifier: its classes, in the order of its outputs", (v: string) =>
    v.split(",").map((l) => l.trim()),
  )
  .addOption(
    new Option("--activation <f>", "classifier: outputs to probabilities (softmax)").choices([
      "softmax",
      "sigmoid",
      "none",
    ]),
  )
  .addOption(
    new Option("--preprocess <p>", "classifier: how images are prepared (clip)").choices([
      "clip",
      "imagenet",
      "half",
    ]),
  )
  .addOption(new Option("--execution-provider <ep>", "where it runs").choices(["auto", "cpu", "cuda"]))
  .option("--replace", "replace a model of the same name")
  .action((name: string, opts: ModelsAddCliOptions) => modelsAddCommand(name, opts));
models
  .command("list")
  .description("list the registered evaluator models")
  .action(() => modelsListCommand());
models
  .command("remove <name>")
  .description("forget a registered evaluator model (its files stay where they are)")
  .action((name: string) => modelsRemoveCommand(name));

const collect = (value: string, previous: string[] = []) => [...previous, value];
program
  .command("evaluate")
  .description(
    "compute automatic metrics over a study's, prompt set's or generation job's outputs (a run shared by every worker), followed with a progress bar",
  )
  .requiredOption("--project <slug>", "project slug")
  .option("--study <id>", "the study whose compared outputs to score")
  .option("--prompt-set <id>", "the prompt set whose outputs to score")
  .option("--generation-job <id>", "the generation job whose outputs to score")
  .requiredOption(
    "--metric <metric[:model]>",
    `a metric, repeatable: ${METRIC_IDS.join(", ")} (with :model to name the evaluator model; pck@α, pck@α-image for PCK's threshold)`,
    collect,
  )
  .option("--reference-model <name>", "FID/KID: compare with this model's outputs")
  .option("--reference-role <role>", "FID/KID: compare with the prompts' reference images of this role")
  .option("--worker", "also run a worker in this process")
  .option("--detach", "create the run and exit without following it")
  .action((opts: EvaluateCliOptions) => evaluateCommand(opts));

const curate = program
  .command("curate")
  .description("curation runs: filter a corpus and see what was removed and why");
curate
  .command("run <pipeline>")
  .description(
    "start a curation run from a pipeline file (YAML or JSON; relative paths resolve against its folder) and follow it with a progress bar",
  )
  .requiredOption("--project <slug>", "project slug")
  .option("--worker", "also run a worker in this process")
  .option("--out <dir>", "write the kept and dropped sets here when the run is done")
  .option("--detach", "create the run and exit without following it")
  .action((file: string, opts: CurateRunOptions) => curateRunCommand(file, opts));
curate
  .command("follow <run>")
  .description(
    "follow a curation run until it ends (after a crash, with --worker, it goes on where it stopped)",
  )
  .option("--worker", "also run a worker in this process")
  .option("--out <dir>", "write the kept and dropped sets here when the run is done")
  .action((runId: string, opts: CurateFollowOptions) => curateFollowCommand(runId, opts));
for (const [action, description] of [
  ["pause", "pause a curation run (shards in progress finish; the rest wait)"],
  ["resume", "resume a paused or failed curation run"],
  ["cancel", "cancel a curation run"],
] as const)
  curate
    .command(`${action} <run>`)
    .description(description)
    .action((runId: string) => curateControlCommand(action, runId));

const exportCmd = program.command("export").description("preference datasets for reward-model training");
exportCmd
  .command("create")
  .description(
    "export pairwise studies' judgments as a new version of a dataset (Pick-a-Pic Parquet, HPDv2 JSON, ImageReward JSON, DPO JSONL, PRDP reward differences) with a manifest and a dataset card",
  )
  .requiredOption("--project <slug>", "project slug")
  .requiredOption("--name <name>", "the dataset's name (each export of a name is its next version)")
  .requiredOption("--study <id>", "a source study, repeatable", collect)
  .addOption(new Option("--format <format>", "the layout").choices([...EXPORT_FORMATS]).makeOptionMandatory())
  .option("--axis <id>", "the question whose answers are the labels (default: the first)")
  .option("--majority", "one row per item with its raters' majority (default: every judgment)")
  .option("--drop-ties", "leave ties out (default: 0.5 / 0.5)")
  .option("--keep-flagged-raters", "keep judgments of raters excluded by quality control")
  .option("--keep-gold", "keep gold items")
  .option("--min-agreement <share>", "leave out items whose raters agree less than this", (v) => {
    const n = Number(v);
    if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError("a number from 0 to 1");
    return n;
  })
  .option("--split <train,validation,test>", "fractions of prompts per split (default 0.8,0.1,0.1)", (v) => {
    const parts = v.split(",").map(Number);
    if (parts.length !== 3 || parts.some((p) => !(p >= 0 && p <= 1)))
      throw new InvalidArgumentError("three fractions, e.g. 0.8,0.1,0.1");
    return parts as [number, number, number];
  })
  .option("--seed <n>", "the split's seed", (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("a non-negative integer");
    return n;
  })
  .option("--salt <salt>", "the rater pseudonym salt (default: a new random one; give the same to reproduce)")
  .option("--hide-model-names", "model-1, model-2, ... instead of the names")
  .option("--inline-images", "Pick-a-Pic: the image bytes inside the Parquet instead of files alongside")
  .option("--webdataset", "Pick-a-Pic: WebDataset tar shards (a JSON record and both images per sample)")
  .option("--skip-missing-media", "leave out rows whose media file is missing instead of failing")
  .option("--license <text>", "the license stated in the dataset card")
  .option("--reward-run <id>", "reward-difference: the evaluation run whose rewards to use")
  .option("--reward-metric <key>", 'reward-difference: the metric key in that run, e.g. "reward:pickscore"')
  .option("--out <dir>", "also write the files into this folder")
  .action((opts: ExportCliOptions) => exportCreateCommand(opts));
exportCmd
  .command("list")
  .description("list a project's exports and versions")
  .requiredOption("--project <slug>", "project slug")
  .action((opts: { project: string }) => exportListCommand(opts));
exportCmd
  .command("download <id>")
  .description("write an export's files and manifest into a folder")
  .requiredOption("--out <dir>", "the folder")
  .action((id: string, opts: { out: string }) => exportDownloadCommand(id, opts));

const model = program.command("model").description("manage a project's models");
model
  .command("adapter <model>")
  .description(
    'set how a model is run, from a JSON file or inline JSON: {"kind": "http" | "command" | "onnx" | "import", ...} (see docs/generation.md); --clear removes it',
  )
  .requiredOption("--project <slug>", "project slug")
  .option("--config <file-or-json>", "the adapter settings")
  .option("--clear", "remove the adapter")
  .action((name: string, opts: { project: string; config?: string; clear?: boolean }) =>
    modelAdapterCommand(name, opts),
  );

const secret = program
  .command("secret")
  .description("manage a project's encrypted secrets (adapter credentials)");
secret
  .command("set <name>")
  .description(
    "store a secret, read from standard input (never from the command line, where others could see it)",
  )
  .requiredOption("--project <slug>", "project slug")
  .action((name: string, opts: { project: string }) => secretSetCommand(name, opts));

try {
  await program.parseAsync(process.argv);
  // Commands that hold no server end here; open handles (pools) must not keep the process alive.
  if (!["start", "worker"].includes(process.argv[2] ?? "")) process.exit(process.exitCode ?? 0);
} catch (err) {
  const zod = formatZodError(err);
  if (zod) console.error(`loupe: ${zod}`);
  else if (isExpectedError(err)) console.error(`loupe: ${err.message}`);
  else console.error(err);
  process.exit(1);
}
