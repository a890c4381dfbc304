// `yo scim-connector`: the Yeoman shell. Prompts (or --spec), then the core decides and writes every file itself.
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import Generator from 'yeoman-generator';
import { CORE } from '../../dist/shell/core.js';
import { outcomeText } from '../../dist/shell/outcome-text.js';
import { runGenerate } from '../../dist/shell/run-generate.js';
import { GENERATOR_ROOT } from '../../dist/vendor/generator-root.js';
import { holdsOthers } from '../../dist/write/read-target.js';
import { PACKAGE_SOURCES } from '../../dist/vendor/package-source.js';
import { questions, specFromAnswers } from '../../dist/yeoman/answers.js';

const SPEC_NAME = 'connector.yaml';

/**
 * The project's files never pass through Yeoman's in-memory file system: they go through the same
 * merge, planner and writer as `scim-connector generate` (which decides every file itself: merged,
 * rewritten, kept because edited, deleted), so no file is ever left to the interactive conflicter,
 * which with stdin closed writes nothing and exits 0. Only `.yo-rc.json` goes through Yeoman, and
 * Yeoman always forces it.
 */
export default class ScimConnectorGenerator extends Generator {
  constructor(args, options) {
    // The project's dependencies are the user's to install (the summary says so): no Yeoman install step.
    super(args, options, { customInstallTask: true });
    this.option('spec', { type: String, description: `The ${SPEC_NAME} to generate from, without prompts` });
    this.option('packages', {
      type: String,
      description: `Where the project gets the SDK and tester: ${PACKAGE_SOURCES.join(', ')} (default: workspace inside the generator's repository, vendor outside)`,
    });
    this.option('force', {
      type: Boolean,
      description:
        'Generate into a non-empty folder that holds no generated project; replace edited scaffolding (never an edited method body)',
    });
    this.option('bail', {
      type: Boolean,
      description: 'Fail (writing nothing) instead of keeping an edited scaffolding file',
    });
  }

  initializing() {
    const recorded = this.config.get('spec');
    const cwd = this.env.cwd ?? process.cwd();
    if (this.options.spec) this.specFile = resolve(cwd, this.options.spec);
    else if (typeof recorded === 'string') this.specFile = this.destinationPath(recorded);
    else if (
      existsSync(this.destinationPath(SPEC_NAME)) &&
      existsSync(this.destinationPath('.scim-connector', 'manifest.json'))
    )
      this.specFile = this.destinationPath(SPEC_NAME);
    if (this.options.packages !== undefined && !PACKAGE_SOURCES.includes(this.options.packages)) {
      throw new Error(
        `--packages must be one of ${PACKAGE_SOURCES.join(', ')}, not ${this.options.packages}`,
      );
    }
  }

  async prompting() {
    if (this.specFile !== undefined) return;
    // Say so before the questions rather than after them: the answers would be lost.
    if (this.options.force !== true && (await holdsOthers(this.destinationRoot()))) {
      for (const line of outcomeText({ kind: 'not-empty', outDir: this.destinationRoot() }).lines)
        this.log(line);
      throw new Error('scim-connector: nothing written (see above)');
    }
    const answers = await this.prompt(questions(basename(this.destinationRoot())));
    this.specFile = this.destinationPath(SPEC_NAME);
    this.specText = specFromAnswers(answers, this.env.cwd ?? process.cwd(), this.destinationRoot());
  }

  async writing() {
    const outcome = await runGenerate(CORE, {
      specFile: this.specFile,
      ...(this.specText === undefined ? {} : { specText: this.specText }),
      outDir: this.destinationRoot(),
      dryRun: false,
      force: this.options.force === true,
      bail: this.options.bail === true,
      root: GENERATOR_ROOT,
      ...(this.options.packages === undefined ? {} : { packages: this.options.packages }),
    });
    const { failed, lines } = outcomeText(outcome, this.destinationRoot());
    for (const line of lines) this.log(line);
    if (failed) throw new Error('scim-connector: nothing written (see above)');
    this.config.set('spec', SPEC_NAME);
  }
}
