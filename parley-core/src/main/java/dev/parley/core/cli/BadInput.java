package dev.parley.core.cli;

/** Input the command refuses: exit status 2, {@code line N: problem} on standard error, nothing on standard output. */
final class BadInput extends Exception {
    private final int line;

    BadInput(int line, String problem) {
        super(problem, null, false, false);
        this.line = line;
    }

    /** The 1-based line number of the problem. */
    int line() {
        return line;
    }

    /** The problem, as {@code line N: problem}. */
    String report() {
        return "line " + line + ": " + getMessage();
    }
}
