// commander requires node:child_process only to launch executable subcommands,
// which fusion-mdb has none of. Its copy in the bundle gets this empty stand-in,
// so a piped `/D` does not load child_process (and net, dgram…) at start-up.
module.exports = {};
