// Mocha reporter: the spec reporter plus one closing line "N passed, N failed, N skipped" that CI reads.
'use strict';
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      // Printed after the spec reporter's own epilogue, so it is the last line.
      process.nextTick(() => console.log(`\n${passes} passed, ${failures} failed, ${pending} skipped`));
    });
  }
}

module.exports = SummaryReporter;
