// What the main bundle gets for @inquirer/prompts: a require() of the separately
// built dist/inquirer.cjs, run only when the wizard first needs its prompts.
module.exports = require('./inquirer.cjs');
