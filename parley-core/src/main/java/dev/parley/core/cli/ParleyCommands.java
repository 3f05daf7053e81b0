package dev.parley.core.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Dispatches {@code check} and {@code evaluate}; exit status 0 ok, 2 bad input or usage, 1 internal failure. */
public final class ParleyCommands {
    static final int OK = 0;
    static final int INTERNAL_FAILURE = 1;
    static final int BAD_INPUT = 2;

    private ParleyCommands() {}

    /** Runs the command named by {@code args[0]} and exits with its status. */
    public static void main(String[] args) {
        // results are UTF-8 whatever the locale says
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        int status = run(args, System.in, out, System.err);
        out.flush();
        System.exit(status);
    }

    /** Runs the command named by {@code args[0]}, returning its exit status. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("usage: parley check|evaluate [options] [FILE]");
            return BAD_INPUT;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "check" -> CheckCommand.run(rest, in, out, err);
            case "evaluate" -> EvaluateCommand.run(rest, in, out, err);
            default -> {
                err.println("parley: unknown command \"" + args[0] + "\"; try check or evaluate");
                yield BAD_INPUT;
            }
        };
    }

    /** Whether {@code command} is one this class runs. */
    public static boolean handles(String command) {
        return command.equals("check") || command.equals("evaluate");
    }
}
