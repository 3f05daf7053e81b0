package dev.parley.core.cli;

/** A command line the command cannot run: exit status 2 with the problem and the usage on standard error. */
final class UsageError extends Exception {
    UsageError(String problem) {
        super(problem, null, false, false);
    }
}
