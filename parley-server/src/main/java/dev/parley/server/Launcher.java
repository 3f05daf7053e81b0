package dev.parley.server;

import dev.parley.core.cli.ParleyCommands;
import java.util.Arrays;

/** The jar's entry point: {@code serve} starts the server; {@code check} and {@code evaluate} run on the core alone. */
public final class Launcher {

    private Launcher() {}

    /** Runs the command named by the first argument, {@code serve} when there is none. */
    public static void main(String[] args) {
        if (args.length > 0 && ParleyCommands.handles(args[0])) {
            ParleyCommands.main(args);
            return;
        }
        String[] rest = args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
        ParleyApplication.main(rest);
    }
}
